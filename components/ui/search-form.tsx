import { CodePicker, type PickerOption } from "@/components/pickers/code-picker";
import { RegionSelect, type RegionChoice } from "@/components/pickers/region-select";
import { Button, LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EnumSelect } from "@/components/ui/enum-select";
import { FormField, Input } from "@/components/ui/form-field";
import type { Choices, Option } from "@/components/ui/options";
import type { QueryValues } from "@/lib/search-params";

type Labelled = { name: string; label: string; hint?: string; /** Two columns wide on large screens. */ wide?: boolean };

/** One filter of a list page; its `name` is the URL query parameter. */
export type SearchField =
  /** Free text (`type="search"`); with `suggestions`, a plain text box offering them. */
  | (Labelled & { kind: "text"; maxLength?: number; suggestions?: Option[] })
  /** A select; `all` is the first option, which filters nothing ("全部", or {value:"ALL",…}). */
  | (Labelled & { kind: "select"; choices: Choices; all?: string | Option; defaultValue?: string })
  | (Labelled & { kind: "date" })
  | (Labelled & { kind: "region"; regions: RegionChoice[]; depth: "PROVINCE" | "CITY" | "COUNTY" })
  /** One code of a code table (discipline, industry), searchable. */
  | (Labelled & { kind: "code"; options: PickerOption[] })
  /** A checkbox sending "1". */
  | (Labelled & { kind: "check" })
  /** A row of checkboxes, each its own parameter (the option's value) sending "1". */
  | { kind: "flags"; legend: string; flags: Option[] };

/** A field list; `false` and `null` entries (fields offered to some users only) are skipped. */
export type SearchFields = readonly (SearchField | false | null | undefined)[];

/** The keyword box most lists start with. */
export function keywordField(hint: string, options: { maxLength?: number; wide?: boolean } = {}): SearchField {
  return { kind: "text", name: "q", label: "关键词", hint, maxLength: options.maxLength ?? 60, wide: options.wide ?? true };
}

const COLUMNS = { 3: "lg:grid-cols-3", 4: "lg:grid-cols-4", 6: "lg:grid-cols-6" } as const;

function Field({ field, values }: { field: Exclude<SearchField, { kind: "flags" }>; values: QueryValues }) {
  const value = values[field.name];
  const control = (a: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => {
    switch (field.kind) {
      case "text":
        return field.suggestions ? (
          <>
            <Input {...a} name={field.name} list={`${field.name}-suggestions`} defaultValue={value} maxLength={field.maxLength} />
            <datalist id={`${field.name}-suggestions`}>
              {field.suggestions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </datalist>
          </>
        ) : (
          <Input {...a} name={field.name} type="search" defaultValue={value} maxLength={field.maxLength} />
        );
      case "select":
        return (
          <EnumSelect {...a} name={field.name} choices={field.choices} all={field.all}
            defaultValue={value ?? field.defaultValue ?? (typeof field.all === "object" ? field.all.value : "")} />
        );
      case "date":
        return <Input {...a} name={field.name} type="date" defaultValue={value} />;
      case "region":
        return <RegionSelect {...a} name={field.name} regions={field.regions} defaultValue={value} depth={field.depth} />;
      case "code":
        return <CodePicker {...a} name={field.name} options={field.options} defaultValue={value ? [value] : []} max={1} />;
    }
  };
  if (field.kind === "check") {
    return (
      <div className="flex items-end pb-2">
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name={field.name} value="1" defaultChecked={value === "1"} className="h-4 w-4 rounded border-slate-300" />
          {field.label}
        </label>
      </div>
    );
  }
  return (
    <FormField id={field.name} label={field.label} hint={field.hint} className={field.wide ? "lg:col-span-2" : undefined}>
      {control}
    </FormField>
  );
}

type SearchFormProps = {
  /** The list's address; 重置 returns to it. */
  action: string;
  /** Names the search landmark. */
  label: string;
  fields: SearchFields;
  /** The current filters (URL values). */
  values: QueryValues;
  /** Columns on large screens. */
  columns?: keyof typeof COLUMNS;
};

/** A GET filter form built from a field list: the filters live in the URL, so results can be bookmarked and paged. */
export function SearchForm({ action, label, fields, values, columns = 4 }: SearchFormProps) {
  return (
    <form method="get" action={action} role="search" aria-label={label}
      className={cn("grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2", COLUMNS[columns])}>
      {fields.map((f) =>
        !f ? null : f.kind === "flags" ? (
          <fieldset key={f.legend} className="col-span-full">
            <legend className="text-sm font-medium text-slate-700">{f.legend}</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {f.flags.map((o) => (
                <label key={o.value} className="inline-flex items-center gap-2 text-sm">
                  <input type="checkbox" name={o.value} value="1" defaultChecked={values[o.value] === "1"} /> {o.label}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <Field key={f.name} field={f} values={values} />
        ),
      )}
      <div className="col-span-full flex items-end gap-2">
        <Button type="submit">查询</Button>
        <LinkButton href={action} variant="secondary">重置</LinkButton>
      </div>
    </form>
  );
}
