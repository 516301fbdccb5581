// The embedded default database: PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol
// on a local port, so the app, Prisma migrations and psql all talk to it exactly as to a real server.
import { mkdir } from "node:fs/promises";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export async function startEmbeddedDatabase(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  if (await portInUse(port)) {
    throw new Error(`内置数据库端口 ${port} 已被占用：请关闭占用该端口的程序，或设置 EMBEDDED_DB_PORT 换一个端口`);
  }
  await mkdir(dataDir, { recursive: true });
  // pg_trgm backs the substring search indexes (migration 20261126180000).
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  // All connections share one PGlite session; several are still needed for Prisma's pool.
  const server = new PGLiteSocketServer({ db: pglite, port, host: "127.0.0.1", maxConnections: 16 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
