import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * node:crypto, loaded on first use. Imported as an ES module, node builds its whole export list
 * (web crypto and cipher streams included) at start-up, which costs more than `okr status` spends
 * on a small repository's files; the modules on its path load it only to hash or name a file.
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return require('node:crypto') as typeof import('node:crypto');
}
