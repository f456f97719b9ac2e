import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksum } from '../checksum.js';

/**
 * The one store of everything okr caches (loaded files, check results, git dates): one JSON file per
 * kind of entry in the cache folder, each written whole and atomically (a temp file renamed over the
 * old one), led by a checksum of its body (`checksum`) on a line of its own. A file is read back only when its
 * checksum holds, its format is the kind's, its key is the one asked for and its value passes the
 * kind's validator; anything else reads as nothing and is rewritten. Caches are a convenience, never
 * a source of truth: a store that cannot be read or written only costs speed.
 */
export interface StoreKind<T> {
  /** The file's name in the cache folder. */
  file: string;
  /** Bumped whenever the layout of the value (or what its key covers) changes. */
  format: number;
  /** Whether a value read back has the shape okr writes. */
  valid(value: unknown): value is T;
}

/** The value stored for `kind` under `key`, when it is whole, of this format and valid; otherwise null. */
export function readStored<T>(dir: string, kind: StoreKind<T>, key: string): T | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, kind.file));
  } catch {
    return null;
  }
  // The checksum, a line break, then the body: the checksum is of the body's bytes.
  const newline = bytes.indexOf(0x0a);
  if (newline === -1) return null;
  const body = bytes.subarray(newline + 1);
  if (checksum(body) !== bytes.toString('latin1', 0, newline)) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
  const { format, key: storedKey, value } = stored as Record<string, unknown>;
  if (format !== kind.format || storedKey !== key) return null;
  return kind.valid(value) ? value : null;
}

/** Stores `value` for `kind` under `key`, replacing what was there, atomically; failures only cost speed. */
export function writeStored<T>(dir: string, kind: StoreKind<T>, key: string, value: T): void {
  const body = Buffer.from(JSON.stringify({ format: kind.format, key, value }));
  const target = join(dir, kind.file);
  // Unique to this process and moment; `wx` refuses a name that is taken all the same.
  const temp = join(
    dir,
    `.${kind.file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, Buffer.concat([Buffer.from(`${checksum(body)}\n`), body]), { flag: 'wx' });
    renameSync(temp, target);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written where nothing can be.
    }
  }
}

/**
 * The value stored for `kind` under `key`, or else what `compute` gives, then stored (when it gives
 * one). Without a folder or a key nothing is read or stored: `compute` alone answers.
 */
export async function storedOr<T>(
  dir: string | null | undefined,
  kind: StoreKind<T>,
  key: string | null,
  compute: () => Promise<T | undefined>,
): Promise<T | undefined> {
  if (dir == null || key === null) return compute();
  const stored = readStored(dir, kind, key);
  if (stored !== null) return stored;
  const value = await compute();
  if (value !== undefined) writeStored(dir, kind, key, value);
  return value;
}
