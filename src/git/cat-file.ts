import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
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
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | null = null;

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = '';
    this.child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const pending of this.queue.splice(0)) pending.reject(error);
    };
    this.child.on('error', (error) => fail(new GitError(`cannot run git: ${error.message}`)));
    this.child.on('close', (code) => {
      if (this.queue.length > 0) fail(new GitError(`git cat-file stopped (exit ${code}): ${stderr.trim()}`));
    });
    // Nothing is waiting on an idle reader; it must not keep the process alive.
    this.child.stdin.on('error', () => {});
  }

  /** The content of an object (a blob sha, or `rev:path`), or null when it does not exist. */
  read(object: string): Promise<Buffer | null> {
    if (this.failure) return Promise.reject(this.failure);
    if (/[\n\r]/.test(object)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
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
    this.child.stdin.end();
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
