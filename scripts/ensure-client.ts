// The Prisma client (lib/generated/prisma) is generated, not committed, and npm here runs no install scripts
// (README "Offline toolchain"), so a fresh clone has none. Every npm script that imports it runs this first
// (`tsx scripts/ensure-client.ts && …`): it generates the client when it is missing or was generated from another
// schema or Prisma version, and otherwise returns at once.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { run } from "./database";

export const CLIENT_DIR = path.join("lib", "generated", "prisma");
const SCHEMA = path.join("prisma", "schema.prisma");
const STAMP = ".schema-hash";

// `generate` never connects, but the CLI needs DATABASE_URL set to stay on the WebAssembly engine.
export const PLACEHOLDER_URL = "postgresql://placeholder@127.0.0.1:5432/placeholder";

/** What the client was generated from: the schema's text and the Prisma version. */
export function fingerprint(schema: string, prismaVersion: string): string {
  return createHash("sha256").update(`${prismaVersion}\n${schema}`).digest("hex");
}

export type ClientState = "missing" | "stale" | "current";

/** Whether `clientDir` holds a client generated from this fingerprint (stamped by generateClient). */
export function clientState(clientDir: string, expected: string): ClientState {
  if (!existsSync(path.join(clientDir, "client.ts"))) return "missing";
  const stamp = path.join(clientDir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, "utf8").trim() === expected ? "current" : "stale";
}

function currentFingerprint(root: string): string {
  const version = (createRequire(path.join(root, "package.json"))("prisma/package.json") as { version: string }).version;
  return fingerprint(readFileSync(path.join(root, SCHEMA), "utf8"), version);
}

/** Runs `prisma generate` and stamps the result with what it was generated from. */
export async function generateClient(root = process.cwd(), quiet = false): Promise<void> {
  const expected = currentFingerprint(root);
  const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? PLACEHOLDER_URL };
  await run("npx", ["prisma", "generate"], env, quiet);
  writeFileSync(path.join(root, CLIENT_DIR, STAMP), `${expected}\n`);
}

/** Generates the client unless the one on disk matches the schema and the Prisma version. */
export async function ensureClient(root = process.cwd()): Promise<void> {
  const state = clientState(path.join(root, CLIENT_DIR), currentFingerprint(root));
  if (state === "current") return;
  console.log(state === "missing" ? "首次运行：正在生成 Prisma 客户端（lib/generated/prisma）…" : "数据库模型已变更：正在重新生成 Prisma 客户端…");
  await generateClient(root, true);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureClient().catch((err) => {
    console.error(`生成 Prisma 客户端失败，请运行 npm run db:generate 查看原因：${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
