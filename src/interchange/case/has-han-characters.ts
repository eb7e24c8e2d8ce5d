/** Whether a text contains Chinese (Han) characters: how a label from another tool is told to be zh or en. */
export function hasHanCharacters(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
