import { SearchForm } from "@/components/ui/search-form";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { ROLE_LABEL, ROLES } from "@/lib/auth/roles";

export type UserFilterValues = { q?: string; role?: string; status?: string };

export function UserSearchForm({ action, values }: { action: string; values: UserFilterValues }) {
  return (
    <SearchForm action={action} label="账号查询" className="lg:grid-cols-4">
      <FormField id="q" label="关键词" className="lg:col-span-2" hint="账号、姓名或单位名称">
        {(a) => <Input {...a} name="q" type="search" defaultValue={values.q} maxLength={60} />}
      </FormField>
      <FormField id="role" label="角色">
        {(a) => (
          <Select {...a} name="role" defaultValue={values.role ?? ""}>
            <option value="">全部</option>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="status" label="状态">
        {(a) => (
          <Select {...a} name="status" defaultValue={values.status ?? ""}>
            <option value="">全部</option>
            <option value="ACTIVE">正常</option>
            <option value="LOCKED">已锁定</option>
            <option value="PENDING">待审核</option>
            <option value="DISABLED">已停用</option>
          </Select>
        )}
      </FormField>
    </SearchForm>
  );
}
