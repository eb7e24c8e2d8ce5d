/** Limits of every request Zerodock makes to an identity provider. */
export interface OutboundLimits {
  /** Milliseconds the whole exchange (connect, headers, body) may take. */
  readonly timeoutMs: number;
  /** Bytes of answer read at most; past it the request is abandoned. */
  readonly maxResponseBytes: number;
}

export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = { timeoutMs: 10_000, maxResponseBytes: 256 * 1024 };

/** The provider could not be reached in time, or answered more than we read. */
export class OutboundRequestError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'too_large',
  ) {
    super(message);
  }
}

/**
 * `fetch` with a deadline over the whole exchange (AbortSignal.timeout, combined with the caller's own signal) and a
 * cap on the answer's size: the body is read chunk by chunk and the request abandoned at the first byte past the cap,
 * so a hostile or broken provider can neither hold a request open nor fill the memory. Redirects are not followed.
 */
export async function boundedFetch(
  url: string | URL,
  init: RequestInit,
  limits: OutboundLimits = DEFAULT_OUTBOUND_LIMITS,
): Promise<Response> {
  const signals = [AbortSignal.timeout(limits.timeoutMs), ...(init.signal ? [init.signal] : [])];
  const signal = AbortSignal.any(signals);
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'manual', signal });
  } catch (error) {
    throw new OutboundRequestError(`${String(url).slice(0, 200)}: ${describe(error)}`, 'unreachable');
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxResponseBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new OutboundRequestError(`answer of ${declared} bytes (limit ${limits.maxResponseBytes})`, 'too_large');
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limits.maxResponseBytes) {
          await reader.cancel().catch(() => undefined);
          throw new OutboundRequestError(`answer over ${limits.maxResponseBytes} bytes`, 'too_large');
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof OutboundRequestError) throw error;
      throw new OutboundRequestError(`${String(url).slice(0, 200)}: ${describe(error)}`, 'unreachable');
    }
  }
  const body = Buffer.concat(chunks);
  // A null-body status (204, 304) cannot carry a body, even an empty one.
  const nullBody = [101, 204, 205, 304].includes(response.status);
  return new Response(nullBody ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no answer in time';
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
