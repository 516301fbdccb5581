"use client";
import { useId } from "react";

/** A checkbox that ticks or clears every checkbox named `name` that belongs to the form `form`. */
export function CheckAll({ form, name, label, defaultChecked }: { form: string; name: string; label: string; defaultChecked?: boolean }) {
  const id = useId();
  return (
    <label htmlFor={id} className="inline-flex items-center gap-2 text-sm">
      <input
        id={id}
        type="checkbox"
        defaultChecked={defaultChecked}
        onChange={(e) => {
          const boxes = document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${form}"][name="${name}"]`);
          boxes.forEach((b) => (b.checked = e.currentTarget.checked));
        }}
      />
      {label}
    </label>
  );
}
