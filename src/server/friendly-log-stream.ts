/** Where pino writes; the friendly stream turns each JSON line into a line a person reads. */
export interface LogStream {
  write(line: string): void;
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string; code?: string };
  [key: string]: unknown;
}

const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'req', 'res', 'responseTime', 'err', 'reqId']);

/** `13:24:05 INFO  GET /api/auth/session → 200 (3 ms)`; other fields as `key=value` after the message. */
export function formatLogRecord(record: LogRecord): string {
  const time = new Date(record.time ?? Date.now()).toTimeString().slice(0, 8);
  const level = (LEVELS[record.level ?? 30] ?? String(record.level)).padEnd(5);
  let text: string;
  if (record.req?.method && record.res?.statusCode !== undefined) {
    const took = record.responseTime === undefined ? '' : ` (${Math.round(record.responseTime)} ms)`;
    text = `${record.req.method} ${record.req.url ?? ''} → ${record.res.statusCode}${took}`;
    if (record.msg && record.msg !== 'request completed') text += ` ${record.msg}`;
  } else {
    text = record.msg ?? '';
  }
  const extras = Object.entries(record)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (extras.length > 0) text += ` ${extras.join(' ')}`;
  if (record.err?.message) text += `: ${record.err.message}`;
  let line = `${time} ${level} ${text}`;
  if ((record.level ?? 30) >= 50 && record.err?.stack) line += `\n${record.err.stack}`;
  return line;
}

/**
 * The server's log for people at a terminal (`LOG_FORMAT=pretty`, the default outside production): one readable
 * line per record instead of pino's JSON. Fastify's own "Server listening at" is left out: the start-up banner
 * names the address. A line that is not JSON passes through unchanged.
 */
export function createFriendlyLogStream(out: LogStream = process.stdout): LogStream {
  return {
    write(chunk) {
      for (const raw of chunk.split('\n')) {
        if (raw.trim() === '') continue;
        let record: LogRecord;
        try {
          record = JSON.parse(raw) as LogRecord;
        } catch {
          out.write(`${raw}\n`);
          continue;
        }
        if (typeof record.msg === 'string' && record.msg.startsWith('Server listening at ')) continue;
        out.write(`${formatLogRecord(record)}\n`);
      }
    },
  };
}
