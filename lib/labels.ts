import type {
  AchievementKind, ActivityState, AuditOutcome, AvailabilityKind, BaseField, BaseLevel, BaseState, BidState, CaseState,
  ChallengeState, DeliveryMode, EngagementState, EngagementType, EvaluationGrade, ExpertStatus, FeedbackParty, Gender,
  LibraryStatus, MatchSource, MilestoneState, MatchState, NeedState, NominationState, OrgType, PlanState, ProfessionalTitle,
  ProgramCode, RectificationState, RegionLevel, ServiceForm, ServiceRecordState, TalentCategory, Urgency, UserStatus,
  Zone,
} from "@/lib/generated/prisma/enums";
import type { AnnouncementState, CaseSourceKind } from "@/lib/generated/prisma/enums";

// Chinese labels for every enum the UI shows. `Record<Enum, string>` makes a new enum value a type error here.
// Key order is the display order (workflow order for states).

export const ZONE_LABEL: Record<Zone, string> = { EAST: "东部", CENTRAL: "中部", WEST: "西部", NORTHEAST: "东北" };
export const REGION_LEVEL_LABEL: Record<RegionLevel, string> = { PROVINCE: "省级", CITY: "地市级", COUNTY: "县级" };

export const ORG_TYPE_LABEL: Record<OrgType, string> = {
  MINISTRY: "人社部", PROVINCIAL_BUREAU: "省级人社厅（局）", DEPARTMENT: "国务院有关部门",
  COUNTY_GOVERNMENT: "县级政府", TOWNSHIP_GOVERNMENT: "乡镇政府", ENTERPRISE: "企业", COOPERATIVE: "合作社",
  HOSPITAL: "医院", SCHOOL: "学校", RESEARCH_STATION: "科研站所", BASE_HOST: "基地依托单位",
  EMPLOYER: "专家所在单位", OTHER: "其他",
};

export const USER_STATUS_LABEL: Record<UserStatus, string> = { PENDING: "待审核", ACTIVE: "正常", DISABLED: "已停用" };
export const GENDER_LABEL: Record<Gender, string> = { MALE: "男", FEMALE: "女" };

export const PROFESSIONAL_TITLE_LABEL: Record<ProfessionalTitle, string> = {
  SENIOR: "正高级", ASSOCIATE_SENIOR: "副高级", INTERMEDIATE: "中级", JUNIOR: "初级及以下",
};

export const TALENT_CATEGORY_LABEL: Record<TalentCategory, string> = {
  ACADEMICIAN: "两院院士", NATIONAL_TALENT_PROGRAM: "国家级重大人才工程入选者",
  PROVINCIAL_TALENT_PROGRAM: "省部级人才工程入选者", MAJOR_PROJECT_LEAD: "承担重大科技攻关任务",
  URGENT_NEED: "地方急需紧缺专家", SPECIAL_ALLOWANCE: "享受政府特殊津贴专家", RETURNED_OVERSEAS: "高层次留学回国人才",
  POSTDOC: "高水平博士后", RETIRED: "退休专家",
};

export const EXPERT_STATUS_LABEL: Record<ExpertStatus, string> = { PENDING: "待审核", ACTIVE: "正常", SUSPENDED: "已暂停" };

export const LIBRARY_STATUS_LABEL: Record<LibraryStatus, string> = {
  NONE: "未入库", NOMINATED: "省级已推荐", IN_LIBRARY: "已入库", DECLINED: "未同意入库", LEFT: "已退出",
};

export const SERVICE_FORM_LABEL: Record<ServiceForm, string> = {
  TECH_GUIDANCE: "技术指导", TECH_PROMOTION: "科技推广", JOINT_RESEARCH: "联合攻关", DECISION_CONSULTING: "决策咨询",
  JOINT_TRAINING: "联合培养", MENTORSHIP: "师徒结对", TOURING_LECTURE: "巡回讲学", THEMED_LECTURE: "专题授课",
  DEMONSTRATION_TEACHING: "示范带教", PUBLIC_WELFARE: "公益服务", RESULT_TRANSFER: "成果转化", STARTUP: "创办企业",
  PART_TIME_POST: "兼职挂职", ACADEMIC_EXCHANGE: "学术交流", INTERMEDIARY: "中介服务",
};

export const ACHIEVEMENT_KIND_LABEL: Record<AchievementKind, string> = {
  PAPER: "论文", PATENT: "专利", PROJECT: "项目", AWARD: "奖励", STANDARD: "标准", OTHER: "其他",
};
export const AVAILABILITY_KIND_LABEL: Record<AvailabilityKind, string> = { AVAILABLE: "可服务时段", BLACKOUT: "不可服务日期" };
export const NOMINATION_STATE_LABEL: Record<NominationState, string> = {
  NOMINATED: "已推荐", ADMITTED: "已入库", DECLINED: "未同意", WITHDRAWN: "已撤回",
};
export const DELIVERY_MODE_LABEL: Record<DeliveryMode, string> = { ONSITE: "现场", REMOTE: "远程", EITHER: "现场或远程" };

export const NEED_STATE_LABEL: Record<NeedState, string> = {
  DRAFT: "草稿", SUBMITTED: "待审核", RETURNED: "退回修改", REJECTED: "不予通过", OPEN: "待匹配",
  MATCHED: "已匹配", IN_SERVICE: "服务中", COMPLETED: "已完成", CANCELLED: "已撤销",
};
export const URGENCY_LABEL: Record<Urgency, string> = { LOW: "不急", NORMAL: "一般", HIGH: "紧急" };

export const MATCH_SOURCE_LABEL: Record<MatchSource, string> = {
  SYSTEM: "系统推荐", BATCH: "批量分配", PROVINCE: "省级指派", EXPERT_APPLIED: "专家申请",
};
export const MATCH_STATE_LABEL: Record<MatchState, string> = {
  PROPOSED: "推荐中", APPLIED: "已申请", INVITED: "待答复", ACCEPTED: "已接受", CONFIRMED: "单位已确认",
  DECLINED: "已婉拒", EXPIRED: "超期未答复", WITHDRAWN: "已撤回", REJECTED: "申请未通过",
};

export const ENGAGEMENT_TYPE_LABEL: Record<EngagementType, string> = { SHORT_TERM: "短期服务", SECONDMENT: "双向挂职", PROJECT: "项目合作" };
export const ENGAGEMENT_STATE_LABEL: Record<EngagementState, string> = {
  PLANNING: "制定工作方案", ACTIVE: "服务中", AWAITING_FEEDBACK: "待评价", CLOSED: "已结束", CANCELLED: "已取消",
};
export const SERVICE_RECORD_STATE_LABEL: Record<ServiceRecordState, string> = { SUBMITTED: "待单位确认", CONFIRMED: "已确认", DISPUTED: "有异议" };
export const FEEDBACK_PARTY_LABEL: Record<FeedbackParty, string> = { UNIT: "服务单位", EXPERT: "专家" };

export const PROGRAM_CODE_LABEL: Record<ProgramCode, string> = {
  EXPERT_SERVICE: "专家服务基层行动", OVERSEAS_TALENT: "海外赤子为国服务行动计划", POSTDOC_SERVICE: "博士后科技服务团",
};
export const PLAN_STATE_LABEL: Record<PlanState, string> = { DRAFT: "草稿", OPEN: "接受申报", CLOSED: "申报截止", PUBLISHED: "遴选结果已公布", ARCHIVED: "已归档" };

export const ACTIVITY_STATE_LABEL: Record<ActivityState, string> = {
  DRAFT: "草稿", SUBMITTED: "待推荐", RETURNED: "退回修改", RECOMMENDED: "已推荐", NOT_RECOMMENDED: "未获推荐",
  SELECTED: "已入选", NOT_SELECTED: "未入选", IN_PROGRESS: "实施中", COMPLETED: "已完成", EVALUATED: "已评估",
};

export const BASE_LEVEL_LABEL: Record<BaseLevel, string> = { NATIONAL: "国家级", PROVINCIAL: "省级" };
export const BASE_STATE_LABEL: Record<BaseState, string> = {
  DRAFT: "草稿", RETURNED: "退回修改", APPLIED: "待省级审核", PROVINCE_APPROVED: "省级审核通过", ESTABLISHED: "已设立", RECTIFYING: "限期整改中",
  REMOVED: "已调整退出", REJECTED: "未通过",
};
export const BASE_FIELD_LABEL: Record<BaseField, string> = {
  AGRICULTURE: "现代农业", HEALTH: "医疗卫生", EDUCATION: "教育文化", MANUFACTURING: "先进制造", ECOLOGY: "生态环保",
  DIGITAL: "数字经济", TOURISM: "文化旅游", OTHER: "其他",
};
export const EVALUATION_GRADE_LABEL: Record<EvaluationGrade, string> = { EXCELLENT: "优秀", QUALIFIED: "合格", UNQUALIFIED: "不合格" };
export const RECTIFICATION_STATE_LABEL: Record<RectificationState, string> = {
  ISSUED: "已下达", RESPONDED: "已提交整改报告", PASSED: "整改通过", FAILED: "整改未通过",
};

export const CHALLENGE_STATE_LABEL: Record<ChallengeState, string> = {
  DRAFT: "草稿", SUBMITTED: "待政府发榜", RETURNED: "退回修改", PUBLISHED: "已发榜", CLOSED: "揭榜截止", AWARDED: "攻关中（已挂帅）",
  ACCEPTANCE: "验收待企业确认", COMPLETED: "验收通过", FAILED: "验收未通过", CANCELLED: "已撤销",
};
export const MILESTONE_STATE_LABEL: Record<MilestoneState, string> = { PLANNED: "计划中", REPORTED: "待中期检查", PASSED: "检查通过" };
export const BID_STATE_LABEL: Record<BidState, string> = {
  SUBMITTED: "已揭榜", SHORTLISTED: "入围", SELECTED: "已选定", REJECTED: "未选定", WITHDRAWN: "已撤回",
};

export const CASE_STATE_LABEL: Record<CaseState, string> = {
  DRAFT: "草稿", SUBMITTED: "审核中", PUBLISHED: "已发布", REJECTED: "未采用", RETURNED: "退回修改", WITHDRAWN: "已撤回",
};
export const CASE_SOURCE_LABEL: Record<CaseSourceKind, string> = { ENGAGEMENT: "服务项目", ACTIVITY: "示范活动", CHALLENGE: "揭榜挂帅" };
export const ANNOUNCEMENT_STATE_LABEL: Record<AnnouncementState, string> = { DRAFT: "草稿", PUBLISHED: "已发布", WITHDRAWN: "已撤下" };
export const AUDIT_OUTCOME_LABEL: Record<AuditOutcome, string> = { SUCCESS: "成功", DENIED: "拒绝", FAILURE: "失败" };

/** Rows for a "by state" breakdown: every state in display order, with its count (0 when absent). */
export function byStateRows<S extends string>(labels: Record<S, string>, counts: Partial<Record<S, number>>) {
  return (Object.keys(labels) as S[]).map((state) => ({ state, label: labels[state], count: counts[state] ?? 0 }));
}

/**
 * Audit events that are not permission operations: a step within one (need.approve under need.review), sign-in,
 * sweeps, exports. With the operations of lib/auth/permissions.ts they make the audit codes (lib/audit/codes.ts).
 */
export const AUDIT_EVENT_LABEL = {
  "expert.changeApprove": "通过专家信息变更",
  "expert.changeReject": "退回专家信息变更",
  "menu.create": "新增服务菜单项",
  "menu.update": "修改服务菜单项",
  "menu.retire": "停用服务菜单项",
  "menu.restore": "恢复服务菜单项",
  "menu.delete": "删除服务菜单项",
  "library.withdraw": "撤回入库推荐",
  "library.admit": "同意入库",
  "library.decline": "不同意入库",
  "library.exit": "本人退出重点联系专家库",
  "library.remove": "调出重点联系专家库",
  "library.export": "导出重点联系专家库名单",
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.session": "会话失效",
  "user.unlock": "解除登录锁定",
  "user.enable": "启用账号",
  "user.disable": "停用账号",
  "need.submit": "提交需求",
  "need.approve": "需求审核通过",
  "need.return": "需求退回修改",
  "need.reject": "需求不予通过",
  "need.withdraw": "撤销需求",
  "match.propose": "生成批量分配方案",
  "match.unpropose": "移出批量分配方案",
  "match.resetSettings": "恢复默认匹配设置",
  // branch matching: weights refitted from outcomes
  "match.refitProposed": "依据结果生成权重建议",
  "match.refitApplied": "采用权重建议",
  "match.refitRolledBack": "回退已采用的权重建议",
  "match.assign": "省级指派专家",
  "match.accept": "接受邀请",
  "match.decline": "婉拒邀请",
  "match.expire": "邀请超期",
  "match.remind": "邀请答复提醒",
  "match.withdraw": "撤回邀请或分配",
  "match.approve": "同意专家申请",
  "match.reject": "不同意专家申请",
  "match.confirm": "单位确认专家",
  "match.release": "单位不予确认专家",
  "engagement.agree": "同意工作方案",
  "engagement.start": "工作方案商定，服务开始",
  "engagement.editRecord": "修改服务记录",
  "engagement.confirmRecord": "确认服务记录",
  "engagement.disputeRecord": "对服务记录提出异议",
  "engagement.feedback": "评价服务",
  "engagement.close": "服务项目结束",
  "engagement.export": "导出服务项目",
  "need.attach": "上传需求附件",
  "need.detach": "删除需求附件",
  "need.export": "导出需求",
  "audit.export": "导出审计日志",
  "import.purge": "自动清除过期的导入暂存数据",
  "keys.rotate": "轮换个人信息加密密钥",
  "menu.export": "导出服务菜单",
  "library.exportNominations": "导出重点联系专家库推荐记录",
  "user.export": "导出账号清单",
  "expert.register": "专家自助注册",
  "expert.reject": "专家注册不予通过",
  "expert.export": "导出专家名单",
  "expert.achievement.add": "添加代表性成果",
  "expert.achievement.update": "修改代表性成果",
  "expert.achievement.remove": "删除代表性成果",
  "expert.availability.add": "添加服务时段",
  "expert.availability.remove": "删除服务时段",
  "calendar.remove": "删除工作日历",
  // ── service bases (lib/bases) ──
  "base.submit": "提交基地申请",
  "base.approve": "省级审核通过基地申请",
  "base.return": "退回基地申请",
  "base.reject": "基地申请不予通过",
  "base.rejectNational": "部级不予设立国家级基地",
  "base.respond": "提交整改报告",
  "base.pass": "整改通过",
  "base.remove": "调整退出专家服务基地",
  "base.escalate": "整改逾期自动上报",
  "base.export": "导出专家服务基地",
  "base.attach": "上传基地佐证材料",
  "base.detach": "删除基地佐证材料",
  // ── 揭榜挂帅 (lib/challenges) ──
  "challenge.submit": "提交揭榜挂帅题目",
  "challenge.withdraw": "撤回揭榜挂帅题目",
  "challenge.cancel": "撤销揭榜挂帅题目",
  "challenge.return": "退回揭榜挂帅题目",
  "challenge.attach": "上传题目附件",
  "challenge.detach": "删除题目附件",
  "challenge.close": "截止揭榜",
  "challenge.assignReviewers": "分配揭榜方案评审专家",
  "challenge.withdrawBid": "撤回揭榜方案",
  "challenge.dispute": "对验收结论提出异议",
  "challenge.export": "导出揭榜挂帅题目",
  // Demonstration activities: ministry review, selection, publication, tracking, evaluation (lib/activities/review-*, selection-*, progress-*, evaluation-*)
  "activity.assignReviewers": "分配示范活动评审专家",
  "activity.removeReviewer": "撤销示范活动评审分配",
  "activity.score": "提交示范活动评审评分",
  "activity.reject": "示范活动不入选",
  "plan.publish": "公布示范活动遴选结果",
  "activity.start": "示范活动开始实施",
  "activity.linkEngagement": "服务项目关联示范活动",
  "activity.progress": "报送示范活动进展",
  "activity.complete": "示范活动完成总结",
  "activity.evaluateProvince": "省级评估示范活动",
  "activity.evaluateMinistry": "部级评估示范活动",
  // 示范活动：年度计划、申报、团队、预审推荐（activity-apply）
  "plan.create": "创建年度计划",
  "plan.update": "修改年度计划",
  "plan.open": "年度计划开放申报",
  "plan.close": "年度计划截止申报",
  "plan.reopen": "年度计划重新开放申报",
  "plan.archive": "年度计划归档",
  "activity.create": "填报示范活动",
  "activity.update": "修改示范活动申报",
  "activity.submit": "提交示范活动申报",
  "activity.team": "调整示范活动团队",
  "activity.proposeTeam": "匹配引擎推荐示范活动团队",
  "activity.return": "示范活动退回修改",
  "activity.decline": "示范活动不予推荐",
  "activity.revoke": "撤回示范活动推荐",
  "activity.rank": "调整推荐排序",
  "activity.submitRanking": "报送示范活动推荐名单",
  "activity.approveLocal": "批准实施地方示范活动",
  "activity.export": "导出示范活动",
  // 典型案例与通知公告（lib/cases, lib/announcements）
  "case.create": "撰写典型案例",
  "case.update": "修改典型案例",
  "case.figures": "更新典型案例数据",
  "case.submitReview": "典型案例送审",
  "case.approve": "发布典型案例",
  "case.return": "退回典型案例",
  "case.reject": "典型案例不予采用",
  "case.withdraw": "撤回已发布的典型案例",
  "case.reopen": "重新编辑已撤回的典型案例",
  "case.attach": "上传典型案例图片",
  "case.detach": "删除典型案例图片",
  "announcement.create": "新建通知公告",
  "announcement.update": "修改通知公告",
  "announcement.publish": "发布通知公告",
  "announcement.withdraw": "撤下通知公告",
  // branch secauth: account administration
  "user.grantRole": "分配角色",
  "user.setExpiry": "设置账号有效期",
  "user.revokeRole": "撤销角色",
  "user.resetMfa": "重置二次验证",
  // branch certs: certificates, commendation, questionnaires
  "certificate.download": "下载服务证明",
  "commendation.approve": "批准专家表彰",
  "commendation.reject": "不批准专家表彰",
  "commendation.withdraw": "撤回表彰推荐",
  "commendation.export": "导出表彰推荐与优先推荐名单",
  "questionnaire.publish": "发布评价问卷新版本",
} as const satisfies Record<string, string>;

// branch matching: weights proposals fitted from outcomes
export const MATCH_WEIGHT_FIT_STATE_LABEL: Record<"PROPOSED" | "APPLIED" | "ROLLED_BACK" | "SUPERSEDED", string> = {
  PROPOSED: "待决定", APPLIED: "已采用", ROLLED_BACK: "已回退", SUPERSEDED: "已被新建议取代",
};

// branch certs: certificates, commendation, questionnaires
export const CERTIFICATE_STATE_LABEL: Record<"VALID" | "REVOKED", string> = { VALID: "有效", REVOKED: "已撤销" };
export const COMMENDATION_STATE_LABEL: Record<"PENDING" | "APPROVED" | "REJECTED" | "WITHDRAWN", string> = {
  PENDING: "待部级审定", APPROVED: "已批准", REJECTED: "未批准", WITHDRAWN: "已撤回",
};
export const QUESTIONNAIRE_STATE_LABEL: Record<"DRAFT" | "PUBLISHED" | "RETIRED", string> = { DRAFT: "草稿", PUBLISHED: "使用中", RETIRED: "已停用" };
