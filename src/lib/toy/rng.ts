// Seeded PRNG contract of the toy-model note §2.3: splitmix32 seeds sfc32, one independent
// stream per purpose, so runs that share a seed share their random numbers (paired comparisons).

export type Rng = () => number;

export const STREAM = {
  actions: 1,
  rewards: 2,
  shuffle: 3,
  population: 4,
  answers: 5,
  labels: 6,
  promptPick: 7,
  /** content tokens of the token-level toy (token note §2.3) */
  tokens: 8,
} as const;

export function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

/** sfc32 returning uniforms in [0, 1) with 32 bits of resolution. */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function makeRng(seed: number, stream: number): Rng {
  const sm = splitmix32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca77)) >>> 0);
  const r = sfc32(sm(), sm(), sm(), sm());
  for (let i = 0; i < 12; i++) r();
  return r;
}

/**
 * The same generator as makeRng(seed, stream), as an object with next(). The simulator uses this form:
 * one class shape for every stream keeps V8's call sites monomorphic across seeds (closures per seed
 * made the hot loop deoptimise).
 */
export class RandomStream {
  // State in an Int32Array: in browsers with pointer compression (31-bit Smis) int32 object fields are
  // boxed, which made next() several times slower in Chromium than in Node.
  private readonly s = new Int32Array(4);
  constructor(seed: number, stream: number) {
    const sm = splitmix32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca77)) >>> 0);
    this.s[0] = sm(); this.s[1] = sm(); this.s[2] = sm(); this.s[3] = sm();
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const s = this.s;
    let a = s[0], b = s[1], c = s[2], d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    s[0] = a; s[1] = b; s[2] = c; s[3] = d;
    return (t >>> 0) / 4294967296;
  }
}

/** One Box–Muller normal: re-draw u1 while it is 0, then u2 (note §2.3 and appendix). */
export function normal(rng: RandomStream): number {
  let u1 = rng.next();
  while (u1 === 0) u1 = rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Inverse-CDF categorical draw over probs[off..off+K-1]; the last index is the fallback. */
export function categorical(probs: ArrayLike<number>, off: number, K: number, u: number): number {
  let c = 0;
  for (let k = 0; k < K - 1; k++) {
    c += probs[off + k];
    if (u < c) return k;
  }
  return K - 1;
}
