/** The name in the UI language; the other one when that is empty. */
export function pickName(nameZh: string, nameEn: string, language: string): string {
  return language === 'en' ? nameEn || nameZh : nameZh || nameEn;
}
