/** The result of reading one measure: its value, or why there is none. */
export type MeasureReading = { ok: true; value: number } | { ok: false; reason: string };

/** The largest answer, file or output okr measure reads: 1 MB. */
export const MAX_MEASURE_BYTES = 1024 * 1024;

/** Seconds a url or command may take when its measure does not say. */
export const DEFAULT_MEASURE_TIMEOUT = 10;

/**
 * The number at the dot path `path` of `data` (`latency.p95`, `items.0.value`); a failure says
 * which part of the path is missing or what stands there instead of a finite number.
 */
export function valueAt(data: unknown, path: string, where: string): MeasureReading {
  let node: unknown = data;
  const walked: string[] = [];
  for (const segment of path.split('.')) {
    walked.push(segment);
    const container = node as Record<string, unknown> | unknown[] | null;
    const has =
      container !== null &&
      typeof container === 'object' &&
      (Array.isArray(container)
        ? /^(0|[1-9][0-9]*)$/.test(segment) && Number(segment) < container.length
        : Object.hasOwn(container, segment));
    if (!has) return { ok: false, reason: `path "${walked.join('.')}" is missing in ${where}` };
    node = Array.isArray(container)
      ? container[Number(segment)]
      : (container as Record<string, unknown>)[segment];
  }
  return finiteNumber(node, `path "${path}" in ${where}`);
}

/** `value` when it is a finite number, else a reason naming `what` and what stands there. */
export function finiteNumber(value: unknown, what: string): MeasureReading {
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  const shown =
    typeof value === 'string'
      ? `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
      : typeof value === 'number'
        ? String(value)
        : value === null
          ? 'null'
          : Array.isArray(value)
            ? 'a list'
            : typeof value === 'object'
              ? 'a mapping'
              : String(value);
  return { ok: false, reason: `${what} is ${shown}, not a finite number` };
}

/** One number printed alone (surrounding blanks allowed), as a command without `path` prints it. */
export function numberFromText(text: string, what: string): MeasureReading {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed))
    return {
      ok: false,
      reason: `${what} is ${trimmed === '' ? 'empty' : JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed)}, not one number (give path: when it prints JSON)`,
    };
  return finiteNumber(Number(trimmed), what);
}
