import type { Tx } from "@/lib/db";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PERMISSIONS, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import { forbidden } from "@/lib/errors";
import type { Importer } from "@/lib/import/records";

// Who may import what, and who may see a job.
//   A job records its importer's scope: provinceCode (province staff), organizationId (unit staff), or neither
//   (the ministry, national). Any staff member holding the kind's import operation over that scope may see the
//   job and commit or cancel it — like every other record of the scope; a colleague can finish an import the
//   creator started. Jobs of another province or unit are refused (audited) like any out-of-scope record.

export const IMPORT_KINDS: ImportKind[] = ["EXPERTS", "NEEDS"];
export const KIND_LABEL: Record<ImportKind, string> = { EXPERTS: "专家", NEEDS: "需求" };

export function operationOf(kind: ImportKind): Operation {
  return kind === "EXPERTS" ? "expert.import" : "need.import";
}

export function kindsFor(user: Pick<SessionUser, "roles">): ImportKind[] {
  return IMPORT_KINDS.filter((k) => user.roles.some((g) => PERMISSIONS[g.role]?.[operationOf(k)] !== undefined));
}

export type JobScope = { provinceCode: string | null; organizationId: string | null };

/** The importer's scope for a kind, from the widest grant the user holds for it (null: none). */
export function importerScopeOf(user: Pick<SessionUser, "roles">, kind: ImportKind): (JobScope & { national: boolean }) | null {
  const op = operationOf(kind);
  const grants = user.roles.filter((g) => PERMISSIONS[g.role]?.[op] !== undefined);
  if (grants.some((g) => PERMISSIONS[g.role]?.[op] === "national")) return { national: true, provinceCode: null, organizationId: null };
  const province = grants.find((g) => PERMISSIONS[g.role]?.[op] === "province" && g.provinceCode);
  if (province) return { national: false, provinceCode: province.provinceCode, organizationId: null };
  const unit = grants.find((g) => PERMISSIONS[g.role]?.[op] === "unit" && g.organizationId);
  if (unit) return { national: false, provinceCode: null, organizationId: unit.organizationId };
  return null;
}

/** The validators' view of the importer; a unit importer's own unit is read from the database. */
export async function importerOf(tx: Tx, scope: JobScope & { national: boolean }): Promise<Importer> {
  if (scope.national) return { kind: "national" };
  if (scope.provinceCode) return { kind: "province", provinceCode: scope.provinceCode };
  const org = await tx.organization.findUnique({
    where: { id: scope.organizationId! },
    select: { id: true, name: true, creditCode: true, regionCode: true, region: { select: { provinceCode: true } } },
  });
  if (!org) throw forbidden("所在单位不存在，无法导入");
  return { kind: "unit", unit: { id: org.id, name: org.name, creditCode: org.creditCode, regionCode: org.regionCode, provinceCode: org.region.provinceCode } };
}

export function jobResource(job: JobScope): ResourceScope {
  return { provinceCode: job.provinceCode, organizationId: job.organizationId };
}

/** Jobs a user may list: per kind, those of the scopes where the user holds that kind's import operation. */
export function jobsWhere(user: Pick<SessionUser, "id" | "roles">): Prisma.ImportJobWhereInput | null {
  const branches: Prisma.ImportJobWhereInput[] = [];
  for (const kind of IMPORT_KINDS) {
    const scope = scopeWhere<Prisma.ImportJobWhereInput>(user, operationOf(kind), {
      province: (codes) => ({ provinceCode: { in: codes } }),
      unit: (ids) => ({ organizationId: { in: ids } }),
    });
    if (scope) branches.push({ kind, ...scope });
  }
  return branches.length ? { OR: branches } : null;
}
