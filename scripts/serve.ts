// The platform's HTTP server: Next's request handler behind a few lines that establish the client's address.
//   tsx scripts/serve.ts [--dev] [--port 3000] [--hostname 0.0.0.0]
// WEB_CONCURRENCY=N (production only) serves from N worker processes sharing the port (node:cluster), one per core:
// the app keeps no state in process memory that another instance needs, so workers are instances like any other.
// Next does not hand the socket address to the app, and keeps whatever X-Forwarded-For the client sent; so this server
// works the address out from the socket and the trusted proxies' entries (TRUSTED_PROXY_HOPS, lib/security/client-ip.ts)
// and passes it in its own header, after removing any copy the client sent. It also completes the Content-Security-
// Policy of the prerendered pages: proxy.ts sends them `script-src 'self'` without a nonce (they are built once, not
// per request), and lib/security/hash-csp.ts adds the hashes of Next's inline scripts in the page it serves — without
// this server those pages keep the bare policy and their scripts stay blocked. In production it also serves the public
// portal's pages as plain HTML, without Next's client runtime (lib/portal/plain-html.ts). scripts/start.ts (npm run
// demo / start / dev) and the end-to-end tests run the app through it.
import cluster from "node:cluster";
import { createServer } from "node:http";
import next from "next";
import { CLIENT_IP_FLAG, CLIENT_IP_HEADER, resolveClientIp, trustedProxyHops } from "@/lib/security/client-ip";
import { holdDocument } from "@/lib/security/hash-csp";

const args = process.argv.slice(2);
const value = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const dev = args.includes("--dev");
const port = Number(value("port") ?? process.env.PORT ?? 3000);
const hostname = value("hostname") ?? process.env.HOSTNAME ?? "0.0.0.0";

// An inline script the hash policy refused (not one of Next's own): blocked in the browser; said once per kind here.
const refusedSeen = new Set<string>();
function reportRefused(path: string, refused: string[]) {
  for (const text of refused) {
    const head = text.slice(0, 80);
    if (refusedSeen.has(head) || refusedSeen.size > 100) continue;
    refusedSeen.add(head);
    console.warn(`[csp] ${path}：页面内联脚本未列入哈希（已被浏览器拦截）：${JSON.stringify(head)}`);
  }
}

async function main() {
  // Only in this process is the header the server's word (lib/security/client-ip.ts clientIpFromHeaders).
  process.env[CLIENT_IP_FLAG] = "1";
  const hops = trustedProxyHops();
  // PORTAL_CLIENT_RUNTIME=1 keeps Next's runtime on the portal's pages (for comparison: npm run bench:lighthouse -- --baseline).
  const plainPortal = !dev && process.env.PORTAL_CLIENT_RUNTIME !== "1";
  const app = next({ dev, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    delete req.headers[CLIENT_IP_HEADER];
    const ip = resolveClientIp(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    holdDocument(req, res, { plainPortal, onRefused: reportRefused });
    void handle(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`平台已启动：http://localhost:${port}${hops ? `（信任 ${hops} 级反向代理的 X-Forwarded-For）` : ""}`);
  });
  // Stop taking connections, and do not wait for idle keep-alive ones.
  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** Forks the workers and replaces one that dies; stops them all on SIGTERM/SIGINT. */
function superviseWorkers(count: number) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`工作进程 ${worker.process.pid} 退出（${code}），重新启动`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  console.log(`以 ${count} 个工作进程提供服务（WEB_CONCURRENCY）`);
}

const workers = dev ? 1 : Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1)) || 1);
if (workers > 1 && cluster.isPrimary) {
  superviseWorkers(workers);
} else {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
