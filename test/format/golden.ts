import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

const GOLDEN_DIR = join(REPO_ROOT, 'test', 'fixtures', 'formats');

/**
 * Compares output with its golden file exactly. OKR_UPDATE_GOLDEN=1 rewrites the file instead, to be
 * reviewed in the diff like any other change.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.OKR_UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `golden file ${name} is missing; run with OKR_UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
