import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layering (CONTRIBUTING.md): pages and layouts read through lib/<area>/queries.ts and write through actions;
// components get data as props and never reach a service or the database. Route handlers under app/api are
// thin adapters of their own (downloads, cron, health) and are not covered.
const DB = { group: ["@/lib/db", "**/lib/db"], message: "页面与组件不直接访问数据库：读取放在 lib/<领域>/queries.ts" };
const SERVICES = {
  group: ["@/lib/*/service", "**/lib/*/service"],
  message: "页面与组件不调用 service：读取用 lib/<领域>/queries.ts，写入用 actions，类型放在 schemas.ts",
};
const PRISMA_CLIENT = {
  group: ["@/lib/generated/prisma/client", "**/lib/generated/prisma/client"],
  message: "页面与组件不导入 Prisma 客户端（枚举类型可从 lib/generated/prisma/enums 导入）",
};

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", "lib/generated/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench-results/**"] },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["app/api/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [DB, SERVICES, PRISMA_CLIENT] }] },
  },
];
export default config;
