import { RegionSelect, type RegionChoice } from "@/components/pickers/region-select";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { SearchForm } from "@/components/ui/search-form";
import { SERVICE_FORM_LABEL, URGENCY_LABEL } from "@/lib/labels";

/** The queue's filters (GET: they live in the URL). */
export function QueueSearchForm({ values, regions }: { values: Record<string, string | undefined>; regions: RegionChoice[] }) {
  return (
    <SearchForm action="/matching/batch" label="待分配需求查询" className="lg:grid-cols-4">
      <FormField id="q" label="关键词" hint="编号、标题、瓶颈问题、单位、学科或行业名称">
        {(a) => <Input {...a} name="q" type="search" defaultValue={values.q} maxLength={60} />}
      </FormField>
      <FormField id="region" label="地区" className="lg:col-span-2">
        {(a) => <RegionSelect {...a} name="region" regions={regions} defaultValue={values.region} depth="COUNTY" />}
      </FormField>
      <FormField id="urgency" label="紧迫程度">
        {(a) => (
          <Select {...a} name="urgency" defaultValue={values.urgency ?? ""}>
            <option value="">全部</option>
            {Object.entries(URGENCY_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="form" label="服务形式">
        {(a) => (
          <Select {...a} name="form" defaultValue={values.form ?? ""}>
            <option value="">全部</option>
            {Object.entries(SERVICE_FORM_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
    </SearchForm>
  );
}
