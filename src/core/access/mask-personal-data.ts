/**
 * Personal data shown to roles that do not need it is masked (issue 17, privacy): enough to recognise, not to use.
 * Pure functions; the services decide who sees what (`PERSONAL_DATA_ROLES`).
 */

/** 13812345678 → 138****5678; shorter numbers keep their first and last two characters. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const compact = phone.trim();
  if (compact.length >= 11) return `${compact.slice(0, 3)}****${compact.slice(-4)}`;
  if (compact.length <= 4) return '*'.repeat(compact.length);
  return `${compact.slice(0, 2)}${'*'.repeat(compact.length - 4)}${compact.slice(-2)}`;
}

/** zhang.san@example.edu.cn → z***@example.edu.cn. */
export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
