import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** A client or an interactive-transaction client: services take either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Whether a write failed with this Prisma error code (P2002: a unique key, P2003: a foreign key). */
export function isPrismaError(err: unknown, code: string): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === code;
}

/** A unique key refused the write: a parallel request got there first. */
export const isUniqueViolation = (err: unknown) => isPrismaError(err, "P2002");

// Prisma's defaults (2 s to get a connection, 5 s per transaction) fail sound work on a loaded 2-core machine, e.g. the
// first invitation of a process, which loads the word-segmentation tables inside its transaction.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** `logQueries`: every query on stdout as one `prisma:query …` line (DATABASE_LOG_QUERIES=1; bench:pages counts them). */
export function createPrismaClient(url: string, max = 10, logQueries = false): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max }),
    transactionOptions: TRANSACTION_OPTIONS,
    ...(logQueries ? { log: [{ emit: "stdout" as const, level: "query" as const }] } : {}),
  });
}

// One client per process, kept on globalThis so hot reload does not open new pools. Created on first use,
// so that importing this module (at build time, in tests) does not require DATABASE_URL.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_MAX, process.env.DATABASE_LOG_QUERIES === "1");
  return globalForPrisma.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
