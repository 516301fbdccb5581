import { FormField, Input, Select } from "@/components/ui/form-field";
import { SearchForm } from "@/components/ui/search-form";
import { ENGAGEMENT_STATE_LABEL, ENGAGEMENT_TYPE_LABEL } from "@/lib/labels";

type Props = {
  values: Record<string, string | undefined>;
  /** Offered to the ministry only (others see one province at most). */
  provinces?: { code: string; name: string }[];
};

export function EngagementSearchForm({ values, provinces }: Props) {
  return (
    <SearchForm action="/engagements" label="服务项目查询" className="lg:grid-cols-4">
      <FormField id="q" label="关键词" className="lg:col-span-2" hint="需求编号、需求标题、服务单位或专家姓名">
        {(a) => <Input {...a} name="q" type="search" defaultValue={values.q} maxLength={60} />}
      </FormField>
      <FormField id="state" label="状态">
        {(a) => (
          <Select {...a} name="state" defaultValue={values.state ?? ""}>
            <option value="">全部</option>
            {Object.entries(ENGAGEMENT_STATE_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="type" label="服务类型">
        {(a) => (
          <Select {...a} name="type" defaultValue={values.type ?? ""}>
            <option value="">全部</option>
            {Object.entries(ENGAGEMENT_TYPE_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
      {provinces && (
        <FormField id="province" label="省份">
          {(a) => (
            <Select {...a} name="province" defaultValue={values.province ?? ""}>
              <option value="">全部</option>
              {provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </Select>
          )}
        </FormField>
      )}
    </SearchForm>
  );
}
