import type { ComponentProps } from "react";
import { Select } from "@/components/ui/form-field";
import { optionsOf, type Choices, type Option } from "@/components/ui/options";

type EnumSelectProps = Omit<ComponentProps<"select">, "children"> & {
  choices: Choices;
  /** A first option that filters nothing: its label (value ""), or a whole option ("ALL" → "全部"). */
  all?: string | Option;
  /** A first option that cannot be chosen back ("请选择"), for a required choice. */
  placeholder?: string;
};

/** A <select> over a label map or an option list; with `all`, a filter's 「全部」 first; with `placeholder`, 「请选择」. */
export function EnumSelect({ choices, all, placeholder, ...props }: EnumSelectProps) {
  const first = typeof all === "string" ? { value: "", label: all } : all;
  return (
    <Select {...props}>
      {placeholder && <option value="" disabled>{placeholder}</option>}
      {first && <option value={first.value}>{first.label}</option>}
      {optionsOf(choices).map((o) =>
        "group" in o ? (
          <optgroup key={o.group} label={o.group}>
            {o.options.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </optgroup>
        ) : (
          <option key={o.value} value={o.value}>{o.label}</option>
        ),
      )}
    </Select>
  );
}
