-- The three administrator roles are mutually exclusive: one account holds at most one of them. A partial unique
-- index, so two administrators granting at once cannot both succeed (lib/admin-roles/service.ts also says why).
CREATE UNIQUE INDEX "RoleAssignment_one_admin_role" ON "RoleAssignment" ("userId")
  WHERE "role" IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN');
