import type { Role } from "@/lib/generated/prisma/enums";

// Who must use a second factor (GB/T 22239 8.1.4.1: two or more authentication techniques for administrators): the
// ministry's and the provinces' staff, the departments' administrators and the three 三员 administrators.
export const MFA_REQUIRED_ROLES: readonly Role[] = [
  "MINISTRY_ADMIN", "PROVINCE_ADMIN", "DEPARTMENT_ADMIN", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN",
];

/**
 * Whether enrolment is enforced. Always in production. In demo mode (DEMO_MODE=1: `npm run demo`, the tests'
 * server) the demo accounts sign in with the README's password alone, unless DEMO_MFA=1 turns enforcement on.
 * An account that has enrolled gives its code in every mode.
 */
export function mfaEnforced(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DEMO_MODE !== "1" || env.DEMO_MFA === "1";
}

export function mfaRequiredFor(roles: readonly { role: Role }[]): boolean {
  return roles.some((g) => MFA_REQUIRED_ROLES.includes(g.role));
}

/** A signed-in account that must enrol before doing anything else (like a one-time password that must change). */
export function mfaEnrolmentDue(
  user: { roles: readonly { role: Role }[]; mfaEnabledAt: Date | null },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return !user.mfaEnabledAt && mfaEnforced(env) && mfaRequiredFor(user.roles);
}

export const MFA_ENROL_PATH = "/account/mfa?reason=enrol";
