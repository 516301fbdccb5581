import { CodePicker, type PickerOption } from "@/components/pickers/code-picker";
import { RegionSelect, type RegionChoice } from "@/components/pickers/region-select";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { SearchForm } from "@/components/ui/search-form";
import { NEED_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { NEED_SORTS, PRIORITY_FLAGS, PRIORITY_LABEL } from "@/lib/needs/schemas";

export type NeedFilterValues = Record<string, string | undefined>;

type Props = {
  values: NeedFilterValues;
  /** Regions the user may filter by (none for a unit: its needs are all in its own place). */
  regions: RegionChoice[];
  regionDepth: "PROVINCE" | "CITY" | "COUNTY";
  disciplines: PickerOption[];
  menuItems: { id: string; name: string; retired: boolean }[];
};

export function NeedSearchForm({ values, regions, regionDepth, disciplines, menuItems }: Props) {
  return (
    <SearchForm action="/needs" label="需求查询" className="lg:grid-cols-4">
      <FormField id="q" label="关键词" className="lg:col-span-2" hint="编号、标题、瓶颈问题、单位、学科或行业名称">
        {(a) => <Input {...a} name="q" type="search" defaultValue={values.q} maxLength={60} />}
      </FormField>
      <FormField id="state" label="状态">
        {(a) => (
          <Select {...a} name="state" defaultValue={values.state ?? "ALL"}>
            <option value="ALL">全部</option>
            {Object.entries(NEED_STATE_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="sort" label="排序">
        {(a) => (
          <Select {...a} name="sort" defaultValue={values.sort ?? "newest"}>
            {Object.entries(NEED_SORTS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
      {regions.length > 0 && (
        <FormField id="region" label="地区" className="lg:col-span-2">
          {(a) => <RegionSelect {...a} name="region" regions={regions} defaultValue={values.region} depth={regionDepth} />}
        </FormField>
      )}
      <FormField id="discipline" label="学科领域" className="lg:col-span-2">
        {(a) => <CodePicker {...a} name="discipline" options={disciplines} defaultValue={values.discipline ? [values.discipline] : []} max={1} />}
      </FormField>
      <FormField id="form" label="服务形式">
        {(a) => (
          <Select {...a} name="form" defaultValue={values.form ?? ""}>
            <option value="">全部</option>
            {Object.entries(SERVICE_FORM_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="menuItem" label="服务项目">
        {(a) => (
          <Select {...a} name="menuItem" defaultValue={values.menuItem ?? ""}>
            <option value="">全部</option>
            {menuItems.map((m) => <option key={m.id} value={m.id}>{m.name}{m.retired ? "（已下架）" : ""}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="from" label="填报日期起">
        {(a) => <Input {...a} name="from" type="date" defaultValue={values.from} />}
      </FormField>
      <FormField id="to" label="填报日期止">
        {(a) => <Input {...a} name="to" type="date" defaultValue={values.to} />}
      </FormField>
      <fieldset className="col-span-full">
        <legend className="text-sm font-medium text-slate-700">优先支持方向</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {PRIORITY_FLAGS.map((f) => (
            <label key={f} className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name={f} value="1" defaultChecked={values[f] === "1"} /> {PRIORITY_LABEL[f]}
            </label>
          ))}
        </div>
      </fieldset>
    </SearchForm>
  );
}
