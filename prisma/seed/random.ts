import { createHash } from "node:crypto";

/** The demo data's fixed seed: the same seed gives the same data on every run. */
export const DEMO_SEED = 20250103; // 人社厅发〔2025〕2号 was issued on 3 January 2025

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG — plenty for demo data, never for secrets. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick: empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, w] of entries) {
      roll -= w;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** n distinct items in random order (fewer if the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, n));
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** A child generator, so that adding draws in one part of the seed does not shift another part. */
  fork(label: string): Rng {
    return new Rng(hashToInt(`${this.state}:${label}`));
  }
}

export function hashToInt(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32LE(0);
}

/**
 * A cuid-shaped id ("c" + 24 lowercase base-36 characters) derived from a namespace and a key, so seeded rows keep
 * the same ids on every run and a re-run can skip what is already there.
 */
export function stableId(namespace: string, key: string | number): string {
  const digest = createHash("sha256").update(`${namespace}:${key}`).digest();
  let out = "c";
  for (let i = 0; out.length < 25; i++) out += (digest[i] % 36).toString(36);
  return out;
}
