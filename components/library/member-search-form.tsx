import { SearchForm } from "@/components/ui/search-form";
import { FormField, Input, Select } from "@/components/ui/form-field";
import type { CodeOption } from "@/lib/reference/queries";

export type MemberFilterValues = { q?: string; province?: string; discipline?: string; stale?: string };

type Props = {
  action: string;
  values: MemberFilterValues;
  provinces?: { code: string; name: string }[];
  disciplines: CodeOption[];
};

export function MemberSearchForm({ action, values, provinces, disciplines }: Props) {
  const roots = disciplines.filter((d) => !d.parentCode);
  return (
    <SearchForm action={action} label="入库专家查询" className="lg:grid-cols-4">
      <FormField id="q" label="关键词" hint="姓名、单位、专业或擅长领域">
        {(a) => <Input {...a} name="q" type="search" defaultValue={values.q} maxLength={60} />}
      </FormField>
      {provinces && (
        <FormField id="province" label="省份">
          {(a) => (
            <Select {...a} name="province" defaultValue={values.province ?? ""}>
              <option value="">全部省份</option>
              {provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </Select>
          )}
        </FormField>
      )}
      <FormField id="discipline" label="学科领域">
        {(a) => (
          <Select {...a} name="discipline" defaultValue={values.discipline ?? ""}>
            <option value="">全部学科</option>
            {roots.map((root) => (
              <optgroup key={root.code} label={root.name}>
                <option value={root.code}>{root.name}（全部）</option>
                {disciplines.filter((d) => d.parentCode === root.code).map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
              </optgroup>
            ))}
          </Select>
        )}
      </FormField>
      <div className="flex items-end pb-2">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="stale" value="1" defaultChecked={values.stale === "1"} />
          包括长期未确认（超过 12 个月）的专家
        </label>
      </div>
    </SearchForm>
  );
}
