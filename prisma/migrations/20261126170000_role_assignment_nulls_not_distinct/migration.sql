-- A role grant without an organization or province (ministry, expert) must still be unique per user:
-- PostgreSQL treats NULLs as distinct in unique indexes unless told otherwise (PostgreSQL 15+).
DROP INDEX "RoleAssignment_userId_role_organizationId_provinceCode_key";
CREATE UNIQUE INDEX "RoleAssignment_userId_role_organizationId_provinceCode_key"
  ON "RoleAssignment"("userId", "role", "organizationId", "provinceCode") NULLS NOT DISTINCT;
