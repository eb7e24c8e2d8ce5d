/**
 * The 1-based line on which the value at `path` starts in a JSON text, so an error can name FILE:LINE:FIELD
 * for a JSON file as it does for a CSV. Walks the text once with a small scanner (no second parse tree);
 * returns the line of the deepest existing ancestor when the path does not exist (e.g. a missing field).
 */
export function lineOfJsonPath(text: string, path: readonly (string | number)[]): number {
  let position = 0;
  let line = 1;
  let best = 1;

  const skipWhitespace = () => {
    while (position < text.length) {
      const char = text[position]!;
      if (char === '\n') line++;
      else if (char !== ' ' && char !== '\t' && char !== '\r') return;
      position++;
    }
  };
  const readString = (): string => {
    position++; // opening quote
    let value = '';
    while (position < text.length && text[position] !== '"') {
      if (text[position] === '\\') {
        value += text.slice(position, position + 2);
        position += 2;
        continue;
      }
      if (text[position] === '\n') line++;
      value += text[position];
      position++;
    }
    position++;
    return value;
  };
  const skipValue = (): void => {
    skipWhitespace();
    const char = text[position];
    if (char === '"') {
      readString();
      return;
    }
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      position++;
      for (;;) {
        skipWhitespace();
        if (position >= text.length) return;
        if (text[position] === close) {
          position++;
          return;
        }
        if (text[position] === ',' || text[position] === ':') {
          position++;
          continue;
        }
        skipValue();
      }
    }
    while (position < text.length && !',}]\n \t\r'.includes(text[position]!)) position++;
  };

  // Descend along the path.
  for (const step of path) {
    skipWhitespace();
    best = line;
    const char = text[position];
    if (char === '{' && typeof step === 'string') {
      position++;
      let found = false;
      for (;;) {
        skipWhitespace();
        if (position >= text.length || text[position] === '}') break;
        if (text[position] === ',') {
          position++;
          continue;
        }
        const key = readString();
        skipWhitespace();
        position++; // colon
        if (key === step) {
          found = true;
          break;
        }
        skipValue();
      }
      if (!found) return best;
    } else if (char === '[' && typeof step === 'number') {
      position++;
      let index = 0;
      let found = false;
      for (;;) {
        skipWhitespace();
        if (position >= text.length || text[position] === ']') break;
        if (text[position] === ',') {
          position++;
          continue;
        }
        if (index === step) {
          found = true;
          break;
        }
        skipValue();
        index++;
      }
      if (!found) return best;
    } else {
      return best;
    }
  }
  skipWhitespace();
  return line;
}

/** `a.b[2].c` for error messages. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? String(step) : `.${String(step)}`;
  }
  return out === '' ? '(root)' : out;
}
