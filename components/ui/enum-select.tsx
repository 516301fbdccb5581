import type { ComponentProps } from "react";
import { Select } from "@/components/ui/form-field";
import { optionsOf, type Choices, type Option } from "@/components/ui/options";

type EnumSelectProps = Omit<ComponentProps<"select">, "children"> & {
  choices: Choices;
  /** A first option that filters nothing: its label (value ""), or a whole option ("ALL" → "全部"). */
  all?: string | Option;
};

/** A <select> over a label map or an option list; with `all`, a filter's 「全部」 first. */
export function EnumSelect({ choices, all, ...props }: EnumSelectProps) {
  const first = typeof all === "string" ? { value: "", label: all } : all;
  return (
    <Select {...props}>
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
