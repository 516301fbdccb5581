import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Tx } from "@/lib/db";

/**
 * An offline image captcha: the server draws the characters as jittered, rotated strokes (paths, never text, so the
 * SVG source does not spell the answer) over noise curves. Only a hash of the answer is stored and a challenge is
 * consumed by its first check, right or wrong.
 */

// No 0/O, 1/I/L, 5/S, 8/B, Z: characters people confuse.
const GLYPHS: Record<string, number[][][]> = {
  "2": [[[0, 1], [1, 0], [3, 0], [4, 1], [4, 2], [0, 6], [4, 6]]],
  "3": [[[0, 0], [4, 0], [2, 2.5], [4, 3.5], [4, 5], [3, 6], [1, 6], [0, 5]]],
  "4": [[[3, 6], [3, 0], [0, 4], [4, 4]]],
  "6": [[[4, 0], [1, 0], [0, 2], [0, 5], [1, 6], [3, 6], [4, 5], [4, 4], [3, 3], [0, 3]]],
  "7": [[[0, 0], [4, 0], [1.5, 6]]],
  "9": [[[4, 3], [1, 3], [0, 2], [0, 1], [1, 0], [3, 0], [4, 1], [4, 5], [3, 6], [0, 6]]],
  A: [[[0, 6], [2, 0], [4, 6]], [[1, 3.5], [3, 3.5]]],
  C: [[[4, 1], [3, 0], [1, 0], [0, 1], [0, 5], [1, 6], [3, 6], [4, 5]]],
  D: [[[0, 0], [0, 6], [3, 6], [4, 4.5], [4, 1.5], [3, 0], [0, 0]]],
  E: [[[4, 0], [0, 0], [0, 6], [4, 6]], [[0, 3], [3, 3]]],
  F: [[[4, 0], [0, 0], [0, 6]], [[0, 3], [3, 3]]],
  H: [[[0, 0], [0, 6]], [[4, 0], [4, 6]], [[0, 3], [4, 3]]],
  K: [[[0, 0], [0, 6]], [[4, 0], [0, 3.5]], [[1.5, 2.5], [4, 6]]],
  M: [[[0, 6], [0, 0], [2, 3], [4, 0], [4, 6]]],
  N: [[[0, 6], [0, 0], [4, 6], [4, 0]]],
  P: [[[0, 6], [0, 0], [3, 0], [4, 1], [4, 2], [3, 3], [0, 3]]],
  R: [[[0, 6], [0, 0], [3, 0], [4, 1], [4, 2], [3, 3], [0, 3]], [[2, 3], [4, 6]]],
  T: [[[0, 0], [4, 0]], [[2, 0], [2, 6]]],
  U: [[[0, 0], [0, 5], [1, 6], [3, 6], [4, 5], [4, 0]]],
  V: [[[0, 0], [2, 6], [4, 0]]],
  W: [[[0, 0], [1, 6], [2, 2], [3, 6], [4, 0]]],
  X: [[[0, 0], [4, 6]], [[4, 0], [0, 6]]],
  Y: [[[0, 0], [2, 3], [4, 0]], [[2, 3], [2, 6]]],
};
export const CAPTCHA_ALPHABET = Object.keys(GLYPHS).join("");
export const CAPTCHA_LENGTH = 5;
export const CAPTCHA_TTL_MS = 5 * 60_000;
const WIDTH = 180;
const HEIGHT = 60;

/** A random number in [min, max) from the CSPRNG (the drawing must not be predictable either). */
function rand(min: number, max: number): number {
  return min + (randomInt(0, 1_000_000) / 1_000_000) * (max - min);
}

const f = (n: number) => n.toFixed(1);

/** Draw `answer` as an SVG: strokes only, each character jittered, scaled, rotated and bent by a shared wave. */
export function drawCaptcha(answer: string): string {
  const waveAmp = rand(2, 5);
  const waveFreq = rand(0.03, 0.07);
  const wavePhase = rand(0, Math.PI * 2);
  const bend = (x: number, y: number): [number, number] => [x, y + Math.sin(x * waveFreq + wavePhase) * waveAmp];
  const parts: string[] = [];
  for (let i = 0; i < 4; i++) {
    const [x0, y0] = [rand(0, 20), rand(5, HEIGHT - 5)];
    const [x1, y1, x2, y2] = [rand(40, 90), rand(0, HEIGHT), rand(90, 140), rand(0, HEIGHT)];
    parts.push(`<path d="M${f(x0)} ${f(y0)} C${f(x1)} ${f(y1)} ${f(x2)} ${f(y2)} ${f(rand(160, WIDTH))} ${f(rand(5, HEIGHT - 5))}" stroke="#94a3b8" stroke-width="${f(rand(1, 2))}" fill="none"/>`);
  }
  const step = (WIDTH - 20) / answer.length;
  [...answer].forEach((ch, i) => {
    const strokes = GLYPHS[ch];
    if (!strokes) throw new Error(`captcha: no glyph for ${ch}`);
    const sx = rand(4.2, 5.6);
    const sy = rand(5.2, 6.6);
    const angle = rand(-0.35, 0.35);
    const shear = rand(-0.25, 0.25);
    const ox = 10 + i * step + rand(0, step - 4 * sx);
    const oy = rand(6, HEIGHT - 6 * sy - 6);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    for (const stroke of strokes) {
      const points = stroke.map(([gx, gy]) => {
        const px = (gx + rand(-0.3, 0.3) - 2 + shear * (gy - 3)) * sx;
        const py = (gy + rand(-0.3, 0.3) - 3) * sy;
        return bend(ox + 2 * sx + px * cos - py * sin, oy + 3 * sy + px * sin + py * cos);
      });
      const d = points.map(([x, y], k) => `${k ? "L" : "M"}${f(x)} ${f(y)}`).join(" ");
      parts.push(`<path d="${d}" stroke="#1e293b" stroke-width="${f(rand(2.2, 3.2))}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`);
    }
  });
  for (let i = 0; i < 30; i++) parts.push(`<circle cx="${f(rand(0, WIDTH))}" cy="${f(rand(0, HEIGHT))}" r="${f(rand(0.5, 1.5))}" fill="#64748b"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"><rect width="100%" height="100%" fill="#f8fafc"/>${parts.join("")}</svg>`;
}

function answerHash(id: string, answer: string): string {
  return createHash("sha256").update(`${id}:${normalize(answer)}`).digest("hex");
}

function normalize(answer: string): string {
  return answer.replace(/\s+/g, "").toUpperCase();
}

export function randomAnswer(): string {
  return Array.from({ length: CAPTCHA_LENGTH }, () => CAPTCHA_ALPHABET[randomInt(0, CAPTCHA_ALPHABET.length)]).join("");
}

/** A new challenge: its id and image. The answer is returned for tests only; callers send just `id` and `svg`. */
export async function issueCaptcha(tx: Tx, now = new Date()): Promise<{ id: string; svg: string; answer: string }> {
  const answer = randomAnswer();
  const id = randomBytes(18).toString("base64url");
  await tx.captcha.create({ data: { id, answerHash: answerHash(id, answer), expiresAt: new Date(now.getTime() + CAPTCHA_TTL_MS) } });
  return { id, svg: drawCaptcha(answer), answer };
}

/** Check an answer. The challenge is used up by this check whatever its outcome (one guess per image). */
export async function checkCaptcha(tx: Tx, id: unknown, answer: unknown, now = new Date()): Promise<boolean> {
  if (typeof id !== "string" || typeof answer !== "string" || !id || id.length > 40 || answer.length > 20) return false;
  const rows = await tx.$queryRaw<{ answerHash: string }[]>`
    UPDATE "Captcha" SET "usedAt" = ${now}
    WHERE id = ${id} AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "answerHash"`;
  if (!rows.length) return false;
  const expected = Buffer.from(rows[0].answerHash, "hex");
  const given = Buffer.from(answerHash(id, answer), "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function purgeCaptchas(tx: Tx, now = new Date()): Promise<number> {
  const { count } = await tx.captcha.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 3_600_000) } } });
  return count;
}
