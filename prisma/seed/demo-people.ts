import { OrgType, Role, type UserStatus } from "@/lib/generated/prisma/client";
import { DEMO_ACCOUNTS, demoAccount } from "./accounts";
import { at, between, creditCode, type DemoContext, ids } from "./demo-context";
import { organizationRow, roleRow, userRow } from "./factories";
import { mobile, personName } from "./names";
import { loadTowns, PLACES, type Place, type Product, type Town, UNIT_ORG_TYPES, type UnitKind, unitName } from "./places";
import { type RegionRow, XPCC_CODE } from "./regions";

// The demo's organizations and accounts: the ministry, the provincial bureaus and their admins, grassroots units.

export type Admins = {
  ministryOrgId: string;
  ministryUserId: string;
  bureauIds: Map<string, string>;
  /** PROVINCE_ADMIN user id by province code. */
  provinceAdmin: Map<string, string>;
};

export type UnitInfo = {
  n: number;
  id: string;
  name: string;
  kind: UnitKind;
  place: Place;
  county: RegionRow;
  provinceCode: string;
  userId: string;
  town?: Town;
  villages: string[];
  products: Product[];
};

type AddUser = {
  username: string;
  displayName: string;
  role: Role;
  organizationId?: string | null;
  provinceCode?: string | null;
  status?: UserStatus;
  createdAt: Date;
  phone?: string | null;
};

export function addUser(ctx: DemoContext, input: AddUser): string {
  const id = ids.user(input.username);
  ctx.rows.users.push(userRow({
    id, username: input.username, displayName: input.displayName, passwordHash: ctx.passwordHash,
    organizationId: input.organizationId ?? null, status: input.status, createdAt: input.createdAt, phone: input.phone,
  }));
  ctx.rows.roles.push(roleRow({
    id: ids.role(input.username, input.role), userId: id, role: input.role,
    organizationId: input.organizationId ?? null, provinceCode: input.provinceCode ?? null, createdAt: input.createdAt,
  }));
  return id;
}

function bureauName(provinceCode: string, provinceName: string): string {
  if (provinceCode === XPCC_CODE) return "新疆生产建设兵团人力资源和社会保障局";
  return ["11", "12", "31", "50"].includes(provinceCode)
    ? `${provinceName}人力资源和社会保障局`
    : `${provinceName}人力资源和社会保障厅`;
}

/** The ministry, one bureau per province (兵团 included) and their admins. */
export function buildAdmins(ctx: DemoContext): Admins {
  const { rng, regions, rows } = ctx;
  const created = at("2025-12-01T09:00:00+08:00");
  const ministryOrgId = ids.org("ministry");
  rows.organizations.push(organizationRow({
    id: ministryOrgId, name: "人力资源社会保障部专家服务中心", type: OrgType.MINISTRY, regionCode: "11",
    address: "北京市东城区和平里中街12号", contactName: "专家服务处", contactPhone: "010-84201234", createdAt: created,
  }));
  const ministryUserId = addUser(ctx, { username: "ministry", displayName: demoAccount("ministry").displayName,
    role: Role.MINISTRY_ADMIN, organizationId: ministryOrgId, createdAt: created });

  const bureauIds = new Map<string, string>();
  const provinceAdmin = new Map<string, string>();
  for (const p of regions.provinces()) {
    const id = ids.org(`bureau-${p.code}`);
    bureauIds.set(p.code, id);
    const contact = personName(rng);
    rows.organizations.push(organizationRow({
      id, name: bureauName(p.code, p.name), type: OrgType.PROVINCIAL_BUREAU, regionCode: p.code,
      contactName: `专家服务处 ${contact.name}`, contactPhone: mobile(rng), createdAt: created,
    }));
    const username = p.code === "51" ? "sichuan" : p.code === "33" ? "zhejiang" : `prov-${p.code}`;
    const demo = DEMO_ACCOUNTS.find((a) => a.username === username);
    provinceAdmin.set(p.code, addUser(ctx, {
      username, displayName: demo?.displayName ?? `省级管理员（${regions.provinceShortName(p.code)}）`,
      role: Role.PROVINCE_ADMIN, organizationId: id, provinceCode: p.code, createdAt: created,
    }));
  }
  // 三员: national accounts of the ministry's own staff, one role each (lib/admin-roles).
  for (const username of ["sysadmin", "secadmin", "auditor"]) {
    const demo = demoAccount(username);
    addUser(ctx, { username, displayName: demo.displayName, role: demo.role, organizationId: ministryOrgId, createdAt: created });
  }
  return { ministryOrgId, ministryUserId, bureauIds, provinceAdmin };
}

const CREDIT_PREFIX: Record<UnitKind, string> = {
  COOP: "93", ENTERPRISE: "91", COUNTY_GOV: "11", COUNTY_AGRI: "11", TOWNSHIP: "11",
  HOSPITAL: "12", HOSPITAL_TCM: "12", HOSPITAL_MCH: "12", SCHOOL: "12", STATION: "12",
};

/** Grassroots units from PLACES, each with a UNIT_USER `unit-<n>`; unit 1 also gets the `unit` demo account. */
export function buildUnits(ctx: DemoContext): UnitInfo[] {
  const { rng, regions, rows } = ctx;
  const placeCounties = PLACES.map((p) => regions.countyByName(p.province, p.county));
  const towns = loadTowns(new Set(placeCounties.map((c) => c.code)));
  const units: UnitInfo[] = [];
  const usedCredit = new Set<string>();
  PLACES.forEach((place, pi) => {
    const county = placeCounties[pi];
    const countyTowns = towns.get(county.code) ?? [];
    for (const kind of place.units) {
      const n = units.length + 1;
      const town = kind === "TOWNSHIP" || kind === "COOP" ? (countyTowns.length ? rng.pick(countyTowns) : undefined) : undefined;
      const name = unitName(kind, place, county.name, town?.name);
      const id = ids.org(`unit-${n}`);
      let credit = creditCode(rng, CREDIT_PREFIX[kind], county.code);
      while (usedCredit.has(credit)) credit = creditCode(rng, CREDIT_PREFIX[kind], county.code);
      usedCredit.add(credit);
      const contact = n === 1 ? { name: demoAccount("unit").displayName } : personName(rng);
      const phone = mobile(rng);
      const created = between(rng, "2025-12-10", "2026-01-20");
      rows.organizations.push(organizationRow({
        id, name, type: UNIT_ORG_TYPES[kind], regionCode: county.code, creditCode: credit,
        address: `${regions.fullName(county.code)}${town?.name ?? ""}`, contactName: contact.name, contactPhone: phone,
        createdAt: created,
      }));
      const userId = addUser(ctx, { username: `unit-${n}`, displayName: contact.name, role: Role.UNIT_USER,
        organizationId: id, createdAt: created, phone });
      if (n === 1) {
        addUser(ctx, { username: "unit", displayName: contact.name, role: Role.UNIT_USER, organizationId: id,
          createdAt: created, phone });
      }
      const villages = town?.villages.length ? town.villages : countyTowns.flatMap((t) => t.villages);
      units.push({ n, id, name, kind, place, county, provinceCode: county.provinceCode,
        userId: n === 1 ? ids.user("unit") : userId, town, villages, products: place.products });
    }
  });
  return units;
}
