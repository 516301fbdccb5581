"use client";
import { useId, useMemo, useRef, useState } from "react";
import { inputClass } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";

export type PickerOption = { code: string; name: string; parentCode: string | null };

type CodePickerProps = {
  /** Form field name; one hidden input per chosen code. */
  name: string;
  options: PickerOption[];
  defaultValue?: string[];
  /** Most codes that may be chosen. */
  max?: number;
  id?: string;
  placeholder?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

const SHOWN = 30;

/**
 * Searchable multi-select over a code table (disciplines, industries). Type a name or a code, pick with
 * ↑/↓ and Enter, remove a chosen code with its × button or Backspace in an empty box.
 */
export function CodePicker({ name, options, defaultValue = [], max = 5, id, placeholder = "输入名称或代码搜索", ...a11y }: CodePickerProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const listId = `${inputId}-list`;
  const [chosen, setChosen] = useState<string[]>(defaultValue);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const byCode = useMemo(() => new Map(options.map((o) => [o.code, o])), [options]);

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const pool = options.filter((o) => !chosen.includes(o.code));
    const hits = q ? pool.filter((o) => o.code.startsWith(q) || o.name.toLowerCase().includes(q)) : pool;
    return hits.slice(0, SHOWN);
  }, [options, chosen, query]);

  const full = chosen.length >= max;
  const add = (code: string) => {
    if (full || chosen.includes(code)) return;
    setChosen([...chosen, code]);
    setQuery("");
    setActive(0);
  };
  const remove = (code: string) => setChosen(chosen.filter((c) => c !== code));

  return (
    <div className="relative">
      {chosen.map((code) => (
        <input key={code} type="hidden" name={name} value={code} />
      ))}
      {chosen.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-2" aria-label="已选">
          {chosen.map((code) => (
            <li key={code} className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800 ring-1 ring-brand-200">
              {byCode.get(code)?.name ?? code}
              <span className="text-xs text-slate-600">{code}</span>
              <button type="button" onClick={() => remove(code)} className="ml-1 rounded text-slate-600 hover:text-red-700" aria-label={`移除 ${byCode.get(code)?.name ?? code}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded={open && !full}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].code}` : undefined}
        className={inputClass}
        placeholder={full ? `最多选择 ${max} 项` : placeholder}
        disabled={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, matches.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === "Enter") {
            if (open && matches[active]) {
              e.preventDefault();
              add(matches[active].code);
            }
          } else if (e.key === "Escape") {
            setOpen(false);
          } else if (e.key === "Backspace" && query === "" && chosen.length) {
            remove(chosen[chosen.length - 1]);
          }
        }}
        {...a11y}
      />
      {open && !full && (
        <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {matches.length === 0 && <li className="px-3 py-2 text-slate-500">没有匹配的项</li>}
          {matches.map((o, i) => (
            <li
              key={o.code}
              id={`${listId}-${o.code}`}
              role="option"
              aria-selected={i === active}
              className={cn("cursor-pointer px-3 py-2", i === active ? "bg-brand-50 text-brand-900" : "text-slate-700")}
              onMouseDown={(e) => {
                e.preventDefault();
                add(o.code);
                inputRef.current?.focus();
              }}
              onMouseEnter={() => setActive(i)}
            >
              {o.name} <span className="text-xs text-slate-500">{o.code}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
