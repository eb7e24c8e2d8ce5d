import { SaxesParser } from 'saxes';

/** What an XML part's reader does with its elements; names come without their namespace prefix. */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

export interface StreamXmlOptions {
  /** Deepest element nesting allowed (OOXML parts nest about 6 deep). */
  readonly maxDepth: number;
  /** Longest run of characters without markup (text, a comment), which the parser would otherwise hold whole. */
  readonly maxTextRun: number;
  /** Builds the error for a problem in this part (not XML, not UTF-8, too deep…). */
  readonly fail: (reason: string) => Error;
}

/**
 * Parses an XML part streamed in chunks with saxes (no DTD processing: entities other than the five predefined ones
 * are errors, so there is no entity expansion). The handlers run synchronously while a chunk is parsed; the
 * generator yields after each chunk so the caller can hand on what they collected — one chunk's worth at a time.
 */
export async function* streamXml(
  chunks: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
  options: StreamXmlOptions,
): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let depth = 0;
  let lastMarkup = 0;
  parser.on('error', (error) => {
    throw options.fail(`not well-formed XML (${error.message.split('\n')[0] ?? ''})`);
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > options.maxDepth) throw options.fail(`elements nested more than ${options.maxDepth} deep`);
    lastMarkup = parser.position;
    handlers.open(localName(tag.name), tag.attributes);
    // A self-closing tag fires closetag right after; depth is restored there.
  });
  parser.on('closetag', (tag) => {
    depth--;
    lastMarkup = parser.position;
    handlers.close(localName(tag.name));
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));

  const feed = (text: string) => {
    parser.write(text);
    if (parser.position - lastMarkup > options.maxTextRun) {
      throw options.fail(`more than ${options.maxTextRun.toLocaleString('en')} characters without markup`);
    }
  };
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw options.fail('the XML is not UTF-8');
    }
    feed(text);
    yield;
  }
  try {
    feed(decoder.decode());
  } catch (error) {
    if (error instanceof TypeError) throw options.fail('the XML is not UTF-8');
    throw error;
  }
  parser.close();
  yield;
}

/** `x:row` → `row`. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** A namespaced attribute by its local name, whatever its prefix (`r:id` for `id`). */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) {
    if (key.endsWith(`:${local}`)) return value;
  }
  return undefined;
}
