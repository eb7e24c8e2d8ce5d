/**
 * Posting text as plain text: HTML reduced (tags removed, block tags and `<br>` made line breaks, script and style
 * content dropped, entities decoded), control characters removed, spaces squeezed, at most one blank line in a row.
 * Linear in the input (indexOf scanning, no backtracking regular expressions over the text), so hostile input
 * cannot make it slow. Text without `<` or `&` only has its characters and spaces cleaned.
 */
export function toPlainText(input: string): string {
  const text = input.includes('<') || input.includes('&') ? stripHtml(input) : input;
  return tidy(text);
}

/** A one-line value (title, enterprise, …): control characters and line breaks become spaces, squeezed, trimmed. */
export function toPlainLine(input: string): string {
  const text = input.includes('<') || input.includes('&') ? stripHtml(input) : input;
  return text
    .replace(CONTROL_OR_BREAK, ' ')
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .trim();
}

// C0 and C1 control characters other than tab and line feed, plus zero-width and BOM characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\ufeff]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_OR_BREAK = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\ufeff]/g;

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
const DROPPED_CONTENT = new Set(['script', 'style', 'noscript', 'template']);

function stripHtml(input: string): string {
  const lower = input.toLowerCase();
  let out = '';
  let position = 0;
  while (position < input.length) {
    const open = input.indexOf('<', position);
    if (open === -1) {
      out += decodeEntities(input.slice(position));
      break;
    }
    out += decodeEntities(input.slice(position, open));
    const next = input.charCodeAt(open + 1);
    const isTag = isAsciiLetter(next) || next === 0x2f /* / */ || next === 0x21; /* ! */
    if (!isTag) {
      out += '<';
      position = open + 1;
      continue;
    }
    if (input.startsWith('<!--', open)) {
      const end = input.indexOf('-->', open + 4);
      position = end === -1 ? input.length : end + 3;
      continue;
    }
    const close = input.indexOf('>', open);
    if (close === -1) {
      // "<b" with no ">": not a tag after all.
      out += decodeEntities(input.slice(open));
      break;
    }
    const name = tagName(lower, open + (next === 0x2f ? 2 : 1));
    position = close + 1;
    if (next !== 0x2f && DROPPED_CONTENT.has(name)) {
      const end = lower.indexOf(`</${name}`, position);
      const endClose = end === -1 ? -1 : input.indexOf('>', end);
      position = endClose === -1 ? input.length : endClose + 1;
      continue;
    }
    if (BLOCK_TAGS.has(name)) {
      const atLineStart = out === '' || out.endsWith('\n');
      if (name === 'li' && next !== 0x2f) out += atLineStart ? '• ' : '\n• ';
      else if (!atLineStart || name === 'br') out += '\n';
    } else if (name === 'td' || name === 'th') out += ' ';
  }
  return out;
}

function tagName(lower: string, from: number): string {
  let end = from;
  while (end < lower.length && end - from < 12) {
    const code = lower.charCodeAt(end);
    if (!(isAsciiLetter(code) || (code >= 0x30 && code <= 0x39))) break;
    end++;
  }
  return lower.slice(from, end);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  middot: '·',
  bull: '•',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  yen: '¥',
  euro: '€',
  times: '×',
  divide: '÷',
  deg: '°',
};

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
