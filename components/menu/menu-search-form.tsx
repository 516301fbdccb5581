import { SearchForm } from "@/components/ui/search-form";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { SERVICE_FORM_LABEL } from "@/lib/labels";
import { MENU_STATE_LABEL } from "@/lib/menu/schemas";

export type MenuFilterValues = { q?: string; form?: string; state?: string };

export function MenuSearchForm({ action, values }: { action: string; values: MenuFilterValues }) {
  return (
    <SearchForm action={action} label="服务菜单查询" className="lg:grid-cols-4">
      <FormField id="q" label="关键词" className="lg:col-span-2" hint="名称或服务内容">
        {(a) => <Input {...a} name="q" type="search" defaultValue={values.q} maxLength={40} />}
      </FormField>
      <FormField id="form" label="服务形式">
        {(a) => (
          <Select {...a} name="form" defaultValue={values.form ?? ""}>
            <option value="">全部</option>
            {Object.entries(SERVICE_FORM_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="state" label="状态">
        {(a) => (
          <Select {...a} name="state" defaultValue={values.state ?? ""}>
            <option value="">全部</option>
            {Object.entries(MENU_STATE_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
    </SearchForm>
  );
}
