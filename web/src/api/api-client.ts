import { ApiError, SESSION_LOST_CODES } from './api-error.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  /** A file sent as is (`application/octet-stream`) instead of a JSON body. */
  rawBody?: Blob;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Login and the initial session probe expect 401s and must not announce a lost session. */
  ignoreSessionLoss?: boolean;
}

let csrfToken: string | null = null;
const sessionLostListeners = new Set<(code: string) => void>();
const passwordChangeListeners = new Set<() => void>();

/** The token from the latest session response; sent on every mutation. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called with the error code when any call finds the session gone (expired, logged out elsewhere). */
export function onSessionLost(listener: (code: string) => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/**
 * Called when any call is refused because the person must set a new password first (PASSWORD_CHANGE_REQUIRED):
 * the app then shows only the page that sets it.
 */
export function onPasswordChangeRequired(listener: () => void): () => void {
  passwordChangeListeners.add(listener);
  return () => passwordChangeListeners.delete(listener);
}

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') parameters.set(name, String(value));
  }
  const search = parameters.toString();
  return search ? `${path}?${search}` : path;
}

function requestHeaders(method: Method, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.rawBody !== undefined) headers['content-type'] = 'application/octet-stream';
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers: requestHeaders(method, options),
      credentials: 'same-origin',
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', error instanceof Error ? error.message : String(error), 0);
  }
  return answer<T>(response.ok, response.status, await response.text(), options);
}

/** The upload's progress: the share of the file sent so far (0–1). */
export type UploadProgress = (sent: number) => void;

/**
 * POSTs a file as the raw body and reports how much of it has been sent; `fetch` cannot report an upload's
 * progress, so this one request goes through XMLHttpRequest, with the same headers, errors and session handling.
 */
function uploadWithProgress<T>(
  path: string,
  file: Blob,
  options: RequestOptions,
  onProgress: UploadProgress,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', buildUrl(path, options.query));
    for (const [name, value] of Object.entries(requestHeaders('POST', { ...options, rawBody: file }))) {
      request.setRequestHeader(name, value);
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      answer<T>(request.status >= 200 && request.status < 300, request.status, request.responseText, options).then(
        resolve,
        reject,
      );
    };
    request.onerror = () => reject(new ApiError('NETWORK_ERROR', 'The upload did not reach the server', 0));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

async function answer<T>(ok: boolean, status: number, text: string, options: RequestOptions): Promise<T> {
  const payload = readJson(ok, status, text);
  if (ok) return payload as T;

  const apiError = toApiError(status, payload);
  if (!options.ignoreSessionLoss && SESSION_LOST_CODES.includes(apiError.code)) {
    for (const listener of sessionLostListeners) listener(apiError.code);
  }
  if (apiError.code === 'PASSWORD_CHANGE_REQUIRED') {
    for (const listener of passwordChangeListeners) listener();
  }
  throw apiError;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
  /**
   * POSTs a file as the raw request body (uploads); the CSRF token goes with it like any mutation. With
   * `onProgress`, the share of the file sent so far is reported as it goes.
   */
  postFile: <T>(
    path: string,
    file: Blob,
    { onProgress, ...options }: Omit<RequestOptions, 'body' | 'rawBody'> & { onProgress?: UploadProgress } = {},
  ) =>
    onProgress
      ? uploadWithProgress<T>(path, file, options, onProgress)
      : apiRequest<T>('POST', path, { ...options, rawBody: file }),
  /**
   * A request whose answer is a file (a POST that makes one, so it needs the CSRF token a plain link cannot send):
   * the browser saves it under the name the server gives (`content-disposition`), or `fallbackName`.
   */
  download: async (
    method: Method,
    path: string,
    fallbackName: string,
    options: Omit<RequestOptions, 'rawBody'> = {},
  ): Promise<string> => {
    let response: Response;
    try {
      response = await fetch(buildUrl(path, options.query), {
        method,
        headers: { ...requestHeaders(method, options), accept: '*/*' },
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError('NETWORK_ERROR', error instanceof Error ? error.message : String(error), 0);
    }
    if (!response.ok) return answer<string>(false, response.status, await response.text(), options);
    const name = fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
    saveBlob(await response.blob(), name);
    return name;
  },
};

/** The file name of a `content-disposition` header (RFC 6266: `filename*=UTF-8''…` first, then `filename=`). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function readJson(ok: boolean, status: number, text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (ok) throw new ApiError('BAD_RESPONSE', 'The server answered with something that is not JSON', status);
    return null;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (typeof payload === 'object' && payload !== null && 'error' in payload) {
    const error = payload.error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      return new ApiError(
        typeof code === 'string' ? code : `HTTP_${status}`,
        typeof message === 'string' ? message : `HTTP ${status}`,
        status,
        typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
      );
    }
  }
  return new ApiError(`HTTP_${status}`, `HTTP ${status}`, status);
}
