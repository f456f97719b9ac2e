import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { blobId } from '../blob-id.js';
import { GitError } from './errors.js';

interface Pending {
  resolve(content: Buffer | null): void;
  reject(error: Error): void;
}

/**
 * Reads objects through one long-lived `git cat-file --batch` process: requests are written as lines,
 * answers come back in order as `<sha> <type> <size>\n<content>\n` or `<name> missing\n`.
 */
export class BlobReader {
  /** Started on the first read: a command whose blobs are all known otherwise runs no cat-file. */
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | null = null;

  constructor(private readonly cwd: string) {}

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const pending of this.queue.splice(0)) pending.reject(error);
    };
    child.on('error', (error) => fail(new GitError(`cannot run git: ${error.message}`)));
    child.on('close', (code) => {
      if (this.queue.length > 0) fail(new GitError(`git cat-file stopped (exit ${code}): ${stderr.trim()}`));
    });
    // Nothing is waiting on an idle reader; it must not keep the process alive.
    child.stdin.on('error', () => {});
    return child;
  }

  read(object: string): Promise<Buffer | null> {
    if (this.failure) return Promise.reject(this.failure);
    if (/[\n\r]/.test(object)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      this.child ??= this.start();
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${object}\n`);
    });
  }

  /** Answers as many pending requests as the buffer holds complete objects for. */
  private drain(): void {
    while (this.queue.length > 0) {
      const newline = this.buffer.indexOf(10);
      if (newline === -1) return;
      const header = this.buffer.subarray(0, newline).toString();
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift()!.resolve(null);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.queue.shift()!.resolve(content);
    }
  }

  close(): void {
    this.child?.stdin.end();
  }
}

/** Runs `use` with a reader and always closes it. */
export async function withBlobReader<T>(cwd: string, use: (reader: BlobReader) => Promise<T>): Promise<T> {
  const reader = new BlobReader(cwd);
  try {
    return await use(reader);
  } finally {
    reader.close();
  }
}

export interface KnownBlobs {
  /** The text of a blob, when it is one of the known texts. */
  text(blob: string): string | undefined;
}

/**
 * Texts okr already has (the working tree's files), found by the id git would give their blob, so
 * that reading history does not read them again. The ids are computed on first use, with SHA-1 or
 * SHA-256 as the repository's ids are long.
 */
export function knownBlobs(texts: readonly string[]): KnownBlobs {
  let byId: Map<string, string> | null = null;
  return {
    text(blob) {
      if (byId === null) {
        const algorithm = blob.length === 64 ? 'sha256' : 'sha1';
        byId = new Map(texts.map((text) => [blobId(text, algorithm), text]));
      }
      return byId.get(blob);
    },
  };
}
