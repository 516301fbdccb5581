import { SearchForm } from "@/components/ui/search-form";
import { FormField, Input, Select } from "@/components/ui/form-field";

export type AuditFilterValues = { q?: string; operation?: string; outcome?: string; from?: string; to?: string };

type AuditSearchFormProps = {
  action: string;
  values: AuditFilterValues;
  /** Operation codes with labels, offered as suggestions (prefixes such as "need." also work). */
  operations: { code: string; label: string }[];
};

export function AuditSearchForm({ action, values, operations }: AuditSearchFormProps) {
  return (
    <SearchForm action={action} label="审计日志查询" className="lg:grid-cols-6">
      <FormField id="q" label="关键词" className="lg:col-span-2" hint="操作人、摘要、对象编号或 IP">
        {(a) => <Input {...a} name="q" type="search" defaultValue={values.q} maxLength={100} />}
      </FormField>
      <FormField id="operation" label="操作" hint="可输入前缀，如 need.">
        {(a) => <Input {...a} name="operation" list="audit-operations" defaultValue={values.operation} maxLength={60} />}
      </FormField>
      <datalist id="audit-operations">
        {operations.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </datalist>
      <FormField id="outcome" label="结果">
        {(a) => (
          <Select {...a} name="outcome" defaultValue={values.outcome ?? ""}>
            <option value="">全部</option>
            <option value="SUCCESS">成功</option>
            <option value="DENIED">拒绝</option>
            <option value="FAILURE">失败</option>
          </Select>
        )}
      </FormField>
      <FormField id="from" label="起始日期">
        {(a) => <Input {...a} name="from" type="date" defaultValue={values.from} />}
      </FormField>
      <FormField id="to" label="结束日期">
        {(a) => <Input {...a} name="to" type="date" defaultValue={values.to} />}
      </FormField>
    </SearchForm>
  );
}
