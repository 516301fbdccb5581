import { SearchForm } from "@/components/ui/search-form";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { CodePicker, type PickerOption } from "@/components/pickers/code-picker";
import type { ExpertSearch } from "@/lib/experts/schemas";
import {
  EXPERT_STATUS_LABEL, LIBRARY_STATUS_LABEL, PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL,
} from "@/lib/labels";

type Props = {
  action: string;
  values: ExpertSearch;
  provinces: { code: string; name: string }[];
  disciplines: PickerOption[];
  industries: PickerOption[];
  /** Province staff see the 本省 / 外省共享 filter. */
  showOrigin: boolean;
};

function EnumSelect({ id, label, value, labels }: { id: string; label: string; value?: string; labels: Record<string, string> }) {
  return (
    <FormField id={id} label={label}>
      {(a) => (
        <Select {...a} name={id} defaultValue={value ?? ""}>
          <option value="">全部</option>
          {Object.entries(labels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </Select>
      )}
    </FormField>
  );
}

export function ExpertSearchForm({ action, values: v, provinces, disciplines, industries, showOrigin }: Props) {
  return (
    <SearchForm action={action} label="专家查询" className="lg:grid-cols-4">
      <FormField id="q" label="关键词" className="lg:col-span-2" hint="姓名、单位、专长、简介、学科或行业名称；多个词用空格分开">
        {(a) => <Input {...a} name="q" type="search" defaultValue={v.q} maxLength={60} />}
      </FormField>
      {showOrigin && <EnumSelect id="origin" label="来源" value={v.origin} labels={{ own: "本省", shared: "外省共享" }} />}
      <FormField id="province" label="所在省份">
        {(a) => (
          <Select {...a} name="province" defaultValue={v.province ?? ""}>
            <option value="">全部</option>
            {provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="discipline" label="学科">
        {(a) => <CodePicker {...a} name="discipline" options={disciplines} defaultValue={v.discipline ? [v.discipline] : []} max={1} />}
      </FormField>
      <FormField id="industry" label="行业">
        {(a) => <CodePicker {...a} name="industry" options={industries} defaultValue={v.industry ? [v.industry] : []} max={1} />}
      </FormField>
      <EnumSelect id="title" label="职称" value={v.title} labels={PROFESSIONAL_TITLE_LABEL} />
      <EnumSelect id="talent" label="人才类别" value={v.talent} labels={TALENT_CATEGORY_LABEL} />
      <EnumSelect id="library" label="重点联系专家库" value={v.library} labels={LIBRARY_STATUS_LABEL} />
      <EnumSelect id="status" label="档案状态" value={v.status} labels={{ ...EXPERT_STATUS_LABEL, PENDING: "待审核（注册申请）" }} />
      <EnumSelect id="retired" label="退休" value={v.retired} labels={{ yes: "退休专家", no: "在职专家" }} />
      <EnumSelect id="sharing" label="跨地区共享" value={v.sharing} labels={{ yes: "同意共享", no: "不共享" }} />
      <FormField id="sort" label="排序">
        {(a) => (
          <Select {...a} name="sort" defaultValue={v.sort}>
            <option value="updated">最近更新</option>
            <option value="confirmed">最近确认</option>
            <option value="name">姓名</option>
            <option value="birthYear">年龄从大到小</option>
          </Select>
        )}
      </FormField>
      <div className="flex items-end">
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="stale" value="1" defaultChecked={v.stale === "1"} className="h-4 w-4 rounded border-slate-300" />
          包含超过12个月未确认的专家
        </label>
      </div>
    </SearchForm>
  );
}
