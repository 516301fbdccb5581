import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field-error";

type Props = {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string[];
  errors?: string[];
  className?: string;
};

/** A fieldset of checkboxes posting repeated `name` values. */
export function CheckboxGroup({ legend, name, options, defaultValue = [], errors, className }: Props) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset className={className} aria-describedby={errorId}>
      <legend className="block text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className={cn("inline-flex items-center gap-1.5 text-sm text-slate-700")}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValue.includes(o.value)}
              className="h-4 w-4 rounded border-slate-300" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} className="mt-1" />
    </fieldset>
  );
}

/** One labelled checkbox. */
export function Checkbox({ name, label, defaultChecked, onChange, hint }: { name: string; label: string; defaultChecked?: boolean; onChange?: (checked: boolean) => void; hint?: string }) {
  return (
    <div>
      <label className="inline-flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 h-4 w-4 rounded border-slate-300"
          onChange={onChange ? (e) => onChange(e.target.checked) : undefined} />
        <span>{label}</span>
      </label>
      {hint && <p className="ml-6 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
