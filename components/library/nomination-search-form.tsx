import { SearchForm } from "@/components/ui/search-form";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { NOMINATION_STATE_LABEL } from "@/lib/labels";

export type NominationFilterValues = { q?: string; province?: string; state?: string };

type Props = {
  action: string;
  values: NominationFilterValues;
  /** Offered to the ministry only; a province sees its own. */
  provinces?: { code: string; name: string }[];
};

export function NominationSearchForm({ action, values, provinces }: Props) {
  return (
    <SearchForm action={action} label="推荐记录查询" className="lg:grid-cols-4">
      <FormField id="q" label="关键词" className={provinces ? "" : "lg:col-span-2"} hint="专家姓名、单位或专业">
        {(a) => <Input {...a} name="q" type="search" defaultValue={values.q} maxLength={60} />}
      </FormField>
      {provinces && (
        <FormField id="province" label="推荐省份">
          {(a) => (
            <Select {...a} name="province" defaultValue={values.province ?? ""}>
              <option value="">全部省份</option>
              {provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </Select>
          )}
        </FormField>
      )}
      <FormField id="state" label="状态">
        {(a) => (
          <Select {...a} name="state" defaultValue={values.state ?? ""}>
            <option value="">{provinces ? "待审定（默认）" : "全部（默认）"}</option>
            {Object.entries(NOMINATION_STATE_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            {provinces && <option value="ALL">全部</option>}
          </Select>
        )}
      </FormField>
    </SearchForm>
  );
}
