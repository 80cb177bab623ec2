// HMAC-SHA256 (RFC 2104 over FIPS 180-4), synchronous and dependency-free, so the page and the host
// compute the same media signatures from the same code. The page needs it synchronously: media
// URLs are built while React renders, where WebCrypto's promises cannot be awaited. Inputs here are
// short (a key and a path); tests pin it to node:crypto.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INIT = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const BLOCK = 64;

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

// A grid scrolling through 10,000 jobs signs a URL for every card it mounts. Per-call typed arrays
// were a quarter of everything the page allocated while scrolling, and array-buffer sweeping showed
// up inside its longest tasks: every call now works in these module-level buffers instead
// (JavaScript is single-threaded, and nothing here yields).
const W = new Uint32Array(64);
let scratch = new Uint8Array(4 * BLOCK);
const encoder = new TextEncoder();

/** Runs the compression function over `blocks` whole blocks of `bytes` into `h` (8 words). */
function compress(h: Uint32Array, bytes: Uint8Array, blocks: number): void {
  for (let offset = 0; offset < blocks * BLOCK; offset += BLOCK) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      W[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const a = W[i - 15]!;
      const b = W[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
}

/** `scratch`, grown if it is shorter than `bytes` (`finish` writes the padding, zeros included). */
function scratchOf(bytes: number): Uint8Array {
  if (scratch.length < bytes) scratch = new Uint8Array(Math.ceil(bytes / BLOCK) * BLOCK * 2);
  return scratch;
}

/**
 * Hashes `length` message bytes already in `buf` (with room after them for the padding) into `h`,
 * which holds the state after `prefixBlocks` blocks were hashed before them.
 */
function finish(h: Uint32Array, buf: Uint8Array, length: number, prefixBlocks: number): void {
  const blocks = Math.ceil((length + 9) / BLOCK);
  buf.fill(0, length, blocks * BLOCK);
  buf[length] = 0x80;
  // Messages here are far below 2^32 bits: the length's high word is only ever the prefix's carry.
  const bits = (prefixBlocks * BLOCK + length) * 8;
  const end = blocks * BLOCK;
  putWord(buf, end - 8, Math.floor(bits / 2 ** 32));
  putWord(buf, end - 4, bits);
  compress(h, buf, blocks);
}

/** `word` big-endian at `buf[at..at+3]` (the low 32 bits of it). */
function putWord(buf: Uint8Array, at: number, word: number): void {
  buf[at] = word >>> 24;
  buf[at + 1] = word >>> 16;
  buf[at + 2] = word >>> 8;
  buf[at + 3] = word;
}

/** The digest of state `h` into the first 32 bytes of `out`. */
function writeDigest(h: Uint32Array, out: Uint8Array): Uint8Array {
  for (let i = 0; i < 8; i++) putWord(out, i * 4, h[i]!);
  return out;
}

export function sha256(message: Uint8Array): Uint8Array {
  const buf = scratchOf(message.length + 2 * BLOCK);
  buf.set(message);
  const h = INIT.slice();
  finish(h, buf, message.length, 0);
  return writeDigest(h, new Uint8Array(32));
}

/** The hash state after the key's inner (ipad) and outer (opad) block: the same for every message. */
interface KeyState {
  inner: Uint32Array;
  outer: Uint32Array;
}

// One key per run in practice (the page's media key); a few more in tests.
const keyStates = new Map<string, KeyState>();
const KEY_STATES_LIMIT = 8;

function keyState(key: string): KeyState {
  let state = keyStates.get(key);
  if (state) return state;
  let k: Uint8Array = encoder.encode(key);
  if (k.length > BLOCK) k = sha256(k);
  const pad = new Uint8Array(BLOCK);
  const inner = INIT.slice();
  const outer = INIT.slice();
  for (let i = 0; i < BLOCK; i++) pad[i] = (k[i] ?? 0) ^ 0x36;
  compress(inner, pad, 1);
  for (let i = 0; i < BLOCK; i++) pad[i] = (k[i] ?? 0) ^ 0x5c;
  compress(outer, pad, 1);
  state = { inner, outer };
  if (keyStates.size >= KEY_STATES_LIMIT) keyStates.clear();
  keyStates.set(key, state);
  return state;
}

const H = new Uint32Array(8);

export function hmacSha256(key: string, message: string): Uint8Array {
  const { inner, outer } = keyState(key);
  // UTF-8 takes at most 3 bytes per UTF-16 unit; room for the padding after that.
  const buf = scratchOf(message.length * 3 + 2 * BLOCK);
  const length = encoder.encodeInto(message, buf).written;
  H.set(inner);
  finish(H, buf, length, 1);
  writeDigest(H, buf); // the inner digest is the outer hash's message
  H.set(outer);
  finish(H, buf, 32, 1);
  return writeDigest(H, new Uint8Array(32));
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding: safe in a URL query as is. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64URL[n >>> 18]! + BASE64URL[(n >>> 12) & 63]!;
    if (i + 1 < bytes.length) out += BASE64URL[(n >>> 6) & 63]!;
    if (i + 2 < bytes.length) out += BASE64URL[n & 63]!;
  }
  return out;
}

/** Compares without stopping at the first difference, so timing says nothing about where it was. */
export function equalConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
