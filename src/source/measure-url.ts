import { DEFAULT_MEASURE_TIMEOUT, MAX_MEASURE_BYTES, type MeasureReading, valueAt } from './measure-value.js';

/** Redirects followed before okr gives up. */
export const MAX_REDIRECTS = 5;

export interface UrlMeasure {
  url: string;
  path: string;
  headers?: Record<string, string>;
  timeout?: number;
}

/**
 * The headers with each `${NAME}` replaced from `env`, or the reason one cannot be: a reason names
 * the header and the variable, never a value.
 */
export function resolveHeaders(
  headers: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; headers: Headers } | { ok: false; reason: string } {
  const resolved = new Headers();
  for (const [name, template] of Object.entries(headers)) {
    let missing: string | null = null;
    const value = template.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, variable: string) => {
      const found = env[variable];
      if (found === undefined) missing ??= variable;
      return found ?? '';
    });
    if (missing !== null)
      return {
        ok: false,
        reason: `header "${name}" uses \${${missing}}, which is not set in the environment`,
      };
    try {
      resolved.set(name, value);
    } catch {
      return {
        ok: false,
        reason: `header "${name}" has a name or value (after \${NAME} is replaced) that HTTP does not allow`,
      };
    }
  }
  return { ok: true, headers: resolved };
}

/** The body, or null when it is larger than 1 MB (the reading stops there). */
async function cappedBody(response: Response): Promise<Buffer | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_MEASURE_BYTES) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > MAX_MEASURE_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Where an address points, without its query and credentials, for messages. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

/**
 * GETs the measure's url (redirects followed by hand, at most 5; the whole exchange within its
 * timeout) and reads the number at its path in the JSON answer of at most 1 MB.
 */
export async function readMeasureUrl(
  measure: UrlMeasure,
  env: Readonly<Record<string, string | undefined>>,
): Promise<MeasureReading> {
  let headers = resolveHeaders(measure.headers ?? {}, env);
  if (!headers.ok) return headers;
  const seconds = measure.timeout ?? DEFAULT_MEASURE_TIMEOUT;
  const signal = AbortSignal.timeout(seconds * 1000);
  let url = measure.url;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        method: 'GET',
        headers: headers.headers,
        redirect: 'manual',
        signal,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => {});
        if (redirects === MAX_REDIRECTS)
          return { ok: false, reason: `${shown(measure.url)} redirected more than ${MAX_REDIRECTS} times` };
        const next = new URL(location, url);
        if (!/^https?:$/.test(next.protocol))
          return {
            ok: false,
            reason: `${shown(measure.url)} redirected to a place that is not http or https`,
          };
        // The headers (a token, say) are meant for the measure's host: another origin gets none.
        if (next.origin !== new URL(url).origin) headers = { ok: true, headers: new Headers() };
        url = next.href;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => {});
        return { ok: false, reason: `${shown(url)} answered HTTP ${response.status}, not 2xx` };
      }
      const body = await cappedBody(response);
      if (body === null) return { ok: false, reason: `the answer of ${shown(url)} is larger than 1 MB` };
      let data: unknown;
      try {
        data = JSON.parse(body.toString('utf8'));
      } catch {
        return { ok: false, reason: `the answer of ${shown(url)} is not JSON` };
      }
      return valueAt(data, measure.path, `the answer of ${shown(url)}`);
    }
  } catch (error) {
    if (signal.aborted)
      return { ok: false, reason: `${shown(url)} did not answer within ${seconds} s (timeout)` };
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, reason: `${shown(url)} could not be reached${cause ? ` (${cause})` : ''}` };
  }
}
