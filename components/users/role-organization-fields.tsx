"use client";
import { useState } from "react";
import { FormField, Select } from "@/components/ui/form-field";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { ORG_TYPE_LABEL } from "@/lib/labels";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { ROLE_ORG_TYPES, type GrantableRole } from "@/lib/users/schemas";

export type GrantChoices = {
  roles: GrantableRole[];
  organizations: { id: string; name: string; type: OrgType }[];
};

/**
 * 角色 and 所在单位 (grantOptions: the roles the administrator may give and the organizations of their scope): the
 * role first, then an organization of a kind that role sits in. The action checks both again from the database.
 */
export function RoleOrganizationFields({ roles, organizations, errors, idPrefix = "", organizationLabel = "所在单位" }: GrantChoices & {
  errors: Record<string, string[]>;
  /** Keeps the ids unique when two forms on a page use these fields. */
  idPrefix?: string;
  organizationLabel?: string;
}) {
  const [role, setRole] = useState<GrantableRole>(roles[0]);
  const choices = organizations.filter((o) => ROLE_ORG_TYPES[role].includes(o.type));
  return (
    <>
      <FormField id={`${idPrefix}role`} label="角色" errors={errors.role}>
        {(a) => (
          <Select {...a} name="role" value={role} onChange={(e) => setRole(e.target.value as GrantableRole)}>
            {roles.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id={`${idPrefix}organizationId`} label={organizationLabel} hint={choices.length ? undefined : "本范围内没有可担任该角色的单位"}
        errors={errors.organizationId}>
        {(a) => (
          <Select {...a} name="organizationId" required key={role} defaultValue="">
            <option value="" disabled>请选择</option>
            {choices.map((o) => <option key={o.id} value={o.id}>{o.name}（{ORG_TYPE_LABEL[o.type]}）</option>)}
          </Select>
        )}
      </FormField>
    </>
  );
}
