// Runs the Prisma CLI with DATABASE_URL set: without it the CLI falls back to downloading a native engine,
// which fails offline. `generate` never connects, so a placeholder is enough there.
import { run } from "./database";

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://placeholder@127.0.0.1:5432/placeholder" };
run("npx", ["prisma", ...process.argv.slice(2)], env).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
