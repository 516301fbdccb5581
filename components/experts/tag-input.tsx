"use client";
import { useState } from "react";
import { inputClass } from "@/components/ui/form-field";

type TagInputProps = {
  name: string;
  defaultValue?: string[];
  max?: number;
  maxLength?: number;
  id?: string;
  placeholder?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

/** Free-text tags (专长): type and press Enter or a comma to add; × or Backspace in an empty box removes. */
export function TagInput({ name, defaultValue = [], max = 15, maxLength = 20, id, placeholder = "输入后按回车添加", ...a11y }: TagInputProps) {
  const [tags, setTags] = useState<string[]>(defaultValue);
  const [text, setText] = useState("");
  const add = (raw: string) => {
    const parts = raw.split(/[,，、;；]/).map((t) => t.trim()).filter(Boolean);
    if (!parts.length) return;
    setTags((cur) => [...new Set([...cur, ...parts.map((p) => p.slice(0, maxLength))])].slice(0, max));
    setText("");
  };
  return (
    <div>
      {tags.map((t) => <input key={t} type="hidden" name={name} value={t} />)}
      {tags.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-2" aria-label="已添加">
          {tags.map((t) => (
            <li key={t} className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800 ring-1 ring-brand-200">
              {t}
              <button type="button" className="ml-1 rounded text-slate-600 hover:text-red-700" aria-label={`移除 ${t}`}
                onClick={() => setTags(tags.filter((x) => x !== t))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        className={inputClass}
        value={text}
        maxLength={maxLength * 3}
        placeholder={tags.length >= max ? `最多 ${max} 个` : placeholder}
        disabled={tags.length >= max}
        onChange={(e) => {
          if (/[,，、;；]$/.test(e.target.value)) add(e.target.value);
          else setText(e.target.value);
        }}
        onBlur={() => add(text)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add(text);
          } else if (e.key === "Backspace" && text === "" && tags.length) {
            setTags(tags.slice(0, -1));
          }
        }}
        {...a11y}
      />
    </div>
  );
}
