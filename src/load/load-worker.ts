import type { MessagePort } from 'node:worker_threads';
import { entryJson } from './cache.js';
import { loadOkrSource } from './load.js';

export interface WorkerInput {
  /** Path and text of each file to load. */
  files: [path: string, text: string][];
  port: MessagePort;
  /** Set to 1, and notified, once the results are posted. */
  signal: Int32Array;
}

/**
 * Loads files in a worker thread: each file's result as the JSON of a cache entry (null when JSON
 * cannot carry it, or loading failed), posted in one message. The caller reads them as it reads the
 * cache of loaded files, so a file loaded here gives exactly what loading it in the main thread gives.
 */
export function run({ files, port }: WorkerInput): void {
  const results = files.map(([path, text]) => {
    try {
      return entryJson(loadOkrSource(path, text));
    } catch {
      return null;
    }
  });
  port.postMessage(results);
}
