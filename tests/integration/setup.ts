// Runs before each integration test file: the database (fresh, migrated, reference data loaded by
// global-setup) must be given by DATABASE_URL — `npm test` creates one per run.
if (!process.env.DATABASE_URL) {
  throw new Error("集成测试需要 DATABASE_URL：请用 npm test 运行（它会新建并迁移一个测试库）");
}
process.env.NEXTAUTH_SECRET ??= "integration-secret-0123456789abcdef";
