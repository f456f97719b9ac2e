/**
 * A 64-bit checksum of bytes, as 16 hex digits: two 32-bit lanes of multiply-rotate mixing (as in
 * MurmurHash3) over 4-byte words, each lane with its own seed and constants, both ending on the
 * length. It tells a whole cache file from a torn, truncated or hand-edited one; it is no defence
 * against someone who wants a collision (a cache is never a source of truth). Written in JavaScript
 * so that reading a cache loads no node:crypto, whose start-up costs more than a warm `okr status`
 * spends on a small repository's files.
 */
export function checksum(bytes: Uint8Array): string {
  let a = 0x9747b28c;
  let b = 0x2545f491;
  const n = bytes.length;
  const whole = n & ~3;
  for (let i = 0; i < whole; i += 4) {
    const word = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    a = mix(a, Math.imul(word, 0xcc9e2d51), 0x1b873593);
    a = Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64;
    b = mix(b, Math.imul(word, 0x85ebca6b), 0xc2b2ae35);
    b = Math.imul((b << 17) | (b >>> 15), 9) + 0x561ccd1b;
  }
  let tail = 0;
  for (let i = n - 1; i >= whole; i--) tail = (tail << 8) | bytes[i]!;
  a = finish(mix(a, Math.imul(tail, 0xcc9e2d51), 0x1b873593) ^ n);
  b = finish(mix(b, Math.imul(tail, 0x85ebca6b), 0xc2b2ae35) ^ n);
  return hex(a) + hex(b);
}

/** The lane `h` with a word already multiplied mixed in: rotated, multiplied again, xored. */
function mix(h: number, word: number, multiplier: number): number {
  return h ^ Math.imul((word << 15) | (word >>> 17), multiplier);
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (h: number) => h.toString(16).padStart(8, '0');
