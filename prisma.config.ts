// Prisma CLI config: migrations run in Prisma's WebAssembly schema engine through the pg driver adapter,
// so no native engine is ever downloaded (see README "Offline toolchain").
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse } from "pg-connection-string";
import { defineConfig } from "prisma/config";

// The schema engine reads catalog columns of internal types (name, "char", oid vectors …) that the adapter
// cannot decode (prisma/orm#27403): report them as text. Migration config only — never the app's client.
const CATALOG_TYPE_OIDS = new Set([18, 19, 22, 24, 30, 194, 2205, 1002, 1003, 1028]);
const TEXT_OID = 25;
type RowDescription = { fields: { dataTypeID: number }[] };
const QueryProto = (pg as unknown as { Query: { prototype: { handleRowDescription(msg: RowDescription): void } } })
  .Query.prototype;
const originalHandleRowDescription = QueryProto.handleRowDescription;
QueryProto.handleRowDescription = function (msg: RowDescription) {
  for (const field of msg.fields) if (CATALOG_TYPE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return originalHandleRowDescription.call(this, msg);
};

function poolConfig(url: string): pg.PoolConfig {
  // Discrete fields, not a connection string: the adapter's shadow-database override only works on fields.
  const c = parse(url);
  return {
    host: c.host ?? undefined,
    port: c.port ? Number(c.port) : undefined,
    user: c.user,
    password: c.password,
    database: c.database ?? undefined,
  };
}

type ScriptRunner = { executeScript(script: string): Promise<void>; client: pg.Pool; onError(e: unknown): never };

/**
 * The adapter runs a migration script by splitting it on every ";" — also inside comments and function bodies
 * (plpgsql). Send the script whole instead: PostgreSQL runs a multi-statement simple query as one transaction.
 */
function runScriptsWhole<T>(adapter: T): T {
  const a = adapter as unknown as ScriptRunner;
  a.executeScript = async (script: string) => {
    try {
      await a.client.query(script);
    } catch (error) {
      a.onError(error);
    }
  };
  return adapter;
}

/** The adapter's own shadow database handling drops the database before closing its pool; do it in order. */
class MigrationPg extends PrismaPg {
  constructor(private readonly cfg: pg.PoolConfig) {
    super(cfg);
  }
  override async connect() {
    return runScriptsWhole(await super.connect());
  }
  override async connectToShadowDb() {
    const database = `prisma_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client(this.cfg);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = runScriptsWhole(await new PrismaPg({ ...this.cfg, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(this.cfg);
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}"`);
      await dropper.end();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL 未设置：请设置数据库地址，或使用 npm run demo 启动内置数据库");
    return new MigrationPg(poolConfig(url));
  },
});
