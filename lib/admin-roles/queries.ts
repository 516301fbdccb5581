import { db } from "@/lib/db";
import { ADMIN_ROLES } from "@/lib/auth/roles";

/** Everyone holding one of the three administrator roles (adminRole.manage, national). */
export async function adminRoleHolders() {
  return db.roleAssignment.findMany({
    where: { role: { in: [...ADMIN_ROLES] } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: {
      id: true, role: true, createdAt: true,
      user: { select: { id: true, username: true, displayName: true, status: true } },
    },
  });
}
