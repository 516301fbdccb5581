import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * Who may do what, and over which records. Anything not listed is refused (deny by default).
 *   national 全国 — any record;  province 本省 — records whose provinceCode is the grant's province;
 *   unit 本单位 — records whose organizationId is the grant's organization;  self 本人 — records the user owns.
 * The record's province / organization / owner always comes from the database, never from the form.
 */
export type Scope = "national" | "province" | "unit" | "self";

export const SCOPE_LABEL: Record<Scope, string> = { national: "全国", province: "本省", unit: "本单位", self: "本人" };

export const OPERATIONS = {
  "console.ministry": "进入部级工作台",
  "console.province": "进入省级工作台",
  "console.unit": "进入基层单位工作台",
  "console.expert": "进入专家工作台",
  "console.base": "进入基地工作台",
  "console.enterprise": "进入企业工作台",
  "console.department": "进入部门工作台",
  "account.changePassword": "修改密码",
  "notification.read": "查看和处理通知",
  "audit.read": "查询审计日志",
  "user.manage": "管理用户账号",
  "menu.manage": "维护服务菜单",
  "plan.manage": "设置年度主题与名额",
  "need.create": "填报需求",
  "need.read": "查看需求",
  "need.update": "修改、提交、撤销需求",
  "need.review": "审核需求",
  "need.browseOpen": "浏览待匹配需求",
  "need.import": "批量导入需求",
  "expert.read": "查看专家",
  "expert.create": "录入专家",
  "expert.import": "批量导入专家",
  "expert.update": "维护专家信息",
  "expert.approve": "审核专家注册",
  "expert.viewPersonal": "查看专家个人信息（不脱敏）",
  "library.nominate": "推荐入重点联系专家库",
  "library.decide": "审定重点联系专家库（入库、不同意、调出）",
  "library.confirm": "年度确认或申请退出重点联系专家库",
  "match.settings": "设置匹配权重与答复期限",
  "calendar.manage": "维护工作日历（法定节假日与调休）",
  "match.invite": "推荐、邀请、指派专家与批量分配",
  "match.respond": "接受或婉拒邀请",
  "match.apply": "申请承接需求",
  "engagement.read": "查看服务项目",
  "engagement.confirm": "确认专家团队与服务记录",
  "engagement.plan": "商定工作方案",
  "engagement.log": "填写服务记录",
  "engagement.finish": "结束服务并评价",
  "engagement.cancel": "取消服务项目",
  "activity.read": "查看示范活动",
  "activity.apply": "申报示范活动",
  "activity.recommend": "预审、排序、推荐示范活动",
  "activity.select": "分配评审、遴选和公布示范活动",
  "activity.review": "评审示范活动（评分）",
  "activity.report": "报送示范活动进展与总结",
  "activity.evaluate": "评估示范活动",
  "activity.feedback": "评价示范活动",
  "base.apply": "申请设立专家服务基地",
  "base.report": "报送基地年度报告与整改",
  "base.review": "审核专家服务基地",
  "base.evaluate": "评估专家服务基地",
  "base.rectify": "下达限期整改、调整退出",
  "base.read": "查看专家服务基地",
  "base.approveNational": "审定国家级专家服务基地",
  "challenge.create": "发布企业出题",
  "challenge.publish": "政府发榜",
  "challenge.bid": "揭榜",
  "case.submit": "撰写、报送典型案例",
  "case.publish": "审核、发布、撤回典型案例",
  "case.read": "查看典型案例（含未发布）",
  "announcement.manage": "发布通知公告",
  "user.create": "新建账号、分配或撤销角色",
  "user.resetPassword": "重置用户密码或二次验证",
  "security.settings": "设置上传安全策略",
  "certificate.read": "查看服务证明",
  "certificate.issue": "开具服务证明",
  "certificate.revoke": "撤销服务证明",
  "commendation.read": "查看表彰推荐",
  "commendation.nominate": "推荐专家表彰",
  "commendation.decide": "审定专家表彰",
  "questionnaire.manage": "设置服务评价问卷",
  "feedback.readOwn": "查看本人收到的服务评价",
  "challenge.read": "查看揭榜挂帅题目",
  "challenge.select": "截止揭榜、组织评审、挂帅（确定揭榜方）",
  "challenge.review": "评审揭榜方案",
  "challenge.progress": "报送攻关里程碑进展",
  "challenge.accept": "里程碑中期检查与验收",
  "challenge.confirm": "确认验收结论",
  "tracking.read": "查看跟踪问效统计",
  "tracking.export": "导出跟踪问效统计",
  // 三员分立 (lib/admin-roles) and the second factor (lib/mfa).
  "console.system": "进入系统管理员工作台",
  "console.security": "进入安全管理员工作台",
  "console.audit": "进入审计管理员工作台",
  "adminRole.manage": "授予和收回三员角色",
  "account.mfa": "设置双因素认证（动态口令）",
} as const;

export type Operation = keyof typeof OPERATIONS;

export const PERMISSIONS: Record<Role, Partial<Record<Operation, Scope>>> = {
  MINISTRY_ADMIN: {
    "console.ministry": "national",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "audit.read": "national",
    "user.manage": "national",
    "user.create": "national",
    "user.resetPassword": "national",
    "security.settings": "national",
    "menu.manage": "national",
    "plan.manage": "national",
    "need.read": "national",
    "expert.read": "national",
    "expert.create": "national",
    "expert.import": "national",
    "expert.viewPersonal": "national",
    "library.decide": "national",
    "match.settings": "national",
    "calendar.manage": "national",
    "engagement.read": "national",
    "activity.read": "national",
    "activity.select": "national",
    "activity.evaluate": "national",
    "base.evaluate": "national",
    "base.rectify": "national",
    "base.read": "national",
    "base.approveNational": "national",
    "case.publish": "national",
    "case.submit": "national",
    "case.read": "national",
    "announcement.manage": "national",
    "certificate.read": "national",
    "commendation.read": "national",
    "commendation.nominate": "national",
    "commendation.decide": "national",
    "questionnaire.manage": "national",
    "challenge.read": "national",
    "challenge.publish": "national",
    "challenge.select": "national",
    "challenge.accept": "national",
    "tracking.read": "national",
    "tracking.export": "national",
  },
  PROVINCE_ADMIN: {
    "console.province": "province",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "user.manage": "province",
    "user.create": "province",
    "user.resetPassword": "province",
    "need.read": "province",
    "need.review": "province",
    "need.import": "province",
    "expert.read": "province",
    "expert.create": "province",
    "expert.import": "province",
    "expert.update": "province",
    "expert.approve": "province",
    "expert.viewPersonal": "province",
    "library.nominate": "province",
    "match.invite": "province",
    "engagement.read": "province",
    "engagement.cancel": "province",
    "activity.read": "province",
    "activity.apply": "province",
    "activity.recommend": "province",
    "activity.report": "province",
    "activity.evaluate": "province",
    "base.review": "province",
    "base.evaluate": "province",
    "base.rectify": "province",
    "base.read": "province",
    "challenge.publish": "province",
    "case.submit": "province",
    "case.read": "province",
    "certificate.read": "province",
    "certificate.revoke": "province",
    "commendation.read": "province",
    "commendation.nominate": "province",
    "challenge.read": "province",
    "challenge.select": "province",
    "challenge.accept": "province",
    "tracking.read": "province",
    "tracking.export": "province",
  },
  UNIT_USER: {
    "console.unit": "unit",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "need.create": "unit",
    "need.read": "unit",
    "need.update": "unit",
    "need.import": "unit",
    "engagement.read": "unit",
    "engagement.confirm": "unit",
    "engagement.plan": "unit",
    "engagement.finish": "unit",
    "activity.read": "unit",
    "activity.apply": "unit",
    "activity.report": "unit",
    "activity.feedback": "unit",
    // The unit's own service figures (lib/tracking/view.ts: its needs' confirmed records).
    "tracking.read": "unit",
    "tracking.export": "unit",
  },
  EXPERT: {
    "console.expert": "self",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "need.browseOpen": "national",
    "expert.read": "self",
    "expert.update": "self",
    "expert.viewPersonal": "self",
    "library.confirm": "self",
    "match.respond": "self",
    "match.apply": "self",
    "engagement.read": "self",
    "engagement.plan": "self",
    "engagement.log": "self",
    "engagement.finish": "self",
    "challenge.bid": "self",
    "challenge.review": "self",
    "challenge.progress": "self",
    "activity.read": "self",
    "activity.review": "self",
    "activity.feedback": "self",
    "certificate.read": "self",
    "certificate.issue": "self",
    "feedback.readOwn": "self",
    "tracking.read": "self",
    "tracking.export": "self",
  },
  BASE_HOST: {
    "console.base": "unit",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "base.apply": "unit",
    "base.report": "unit",
    "activity.read": "unit",
    "base.read": "unit",
    "activity.apply": "unit",
    "activity.report": "unit",
    // The figures of the activities hosted by the organization's bases, and their reports.
    "tracking.read": "unit",
    "tracking.export": "unit",
  },
  ENTERPRISE: {
    "console.enterprise": "unit",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "challenge.create": "unit",
    "challenge.read": "unit",
    "challenge.confirm": "unit",
  },
  // 国务院有关部门: recommends activities within its own quota; its grant's organizationId is the department.
  DEPARTMENT_ADMIN: {
    "console.department": "unit",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "activity.read": "unit",
    "activity.apply": "unit",
    "activity.recommend": "unit",
    "activity.report": "unit",
  },
  // 三员分立: three mutually exclusive administrators (one account holds at most one of these roles: a unique
  // index in the database). None reaches business data; none can grant itself a role.
  SYSTEM_ADMIN: {
    "console.system": "national",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "user.manage": "national",
  },
  SECURITY_ADMIN: {
    "console.security": "national",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "adminRole.manage": "national",
  },
  // Reads and exports the audit log, and nothing else (its own reads are audited too: lib/audit/queries.ts).
  AUDIT_ADMIN: {
    "console.audit": "national",
    "account.changePassword": "self",
    "account.mfa": "self",
    "notification.read": "self",
    "audit.read": "national",
  },
};

/** Where a record sits, read from the database. Omitted fields never match. */
export type ResourceScope = {
  provinceCode?: string | null;
  organizationId?: string | null;
  ownerUserId?: string | null;
};

/** The scopes at which the user's roles grant `operation` over `resource` (empty when none does). */
export function grantedScopes(user: Pick<SessionUser, "id" | "roles">, operation: Operation, resource: ResourceScope): Scope[] {
  const out: Scope[] = [];
  for (const grant of user.roles) {
    const scope = PERMISSIONS[grant.role]?.[operation];
    const covers =
      scope === "national" ||
      (scope === "province" && !!grant.provinceCode && resource.provinceCode === grant.provinceCode) ||
      (scope === "unit" && !!grant.organizationId && resource.organizationId === grant.organizationId) ||
      (scope === "self" && !!resource.ownerUserId && resource.ownerUserId === user.id);
    if (covers) out.push(scope);
  }
  return out;
}

/** True when some role of the user grants `operation` over `resource`. */
export function can(user: Pick<SessionUser, "id" | "roles">, operation: Operation, resource: ResourceScope): boolean {
  return grantedScopes(user, operation, resource).length > 0;
}

/** True when the user holds `operation` at any scope (a first check before the record is loaded). */
export function holds(user: Pick<SessionUser, "roles">, operation: Operation): boolean {
  return user.roles.some((grant) => PERMISSIONS[grant.role]?.[operation] !== undefined);
}

/**
 * The records a user may list for `operation`, as data for a Prisma where-clause:
 * null when nothing is allowed; `{ all: true }` for national scope.
 */
export type ListScope = { all: true } | { all: false; provinceCodes: string[]; organizationIds: string[]; userId: string | null };

export function listScope(user: Pick<SessionUser, "id" | "roles">, operation: Operation): ListScope | null {
  const provinceCodes: string[] = [];
  const organizationIds: string[] = [];
  let self = false;
  for (const grant of user.roles) {
    const scope = PERMISSIONS[grant.role]?.[operation];
    if (scope === "national") return { all: true };
    if (scope === "province" && grant.provinceCode) provinceCodes.push(grant.provinceCode);
    if (scope === "unit" && grant.organizationId) organizationIds.push(grant.organizationId);
    if (scope === "self") self = true;
  }
  if (!provinceCodes.length && !organizationIds.length && !self) return null;
  return { all: false, provinceCodes, organizationIds, userId: self ? user.id : null };
}
