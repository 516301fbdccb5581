"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

// A small rich-text editor for a case's story: a contenteditable region with a toolbar of the structures the
// server keeps (lib/cases/sanitize.ts). What it sends is cleaned on the server whatever the browser made of it.

const TOOLS: { label: string; command: string; value?: string }[] = [
  { label: "小标题", command: "formatBlock", value: "h3" },
  { label: "正文段落", command: "formatBlock", value: "p" },
  { label: "加粗", command: "bold" },
  { label: "列表", command: "insertUnorderedList" },
  { label: "编号", command: "insertOrderedList" },
  { label: "引用", command: "formatBlock", value: "blockquote" },
];

export type StoryImage = { id: string; fileName: string };

export function StoryEditor({ name, initial, labelId, describedBy, images }: {
  name: string; initial: string; labelId: string; describedBy?: string; images: StoryImage[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [html, setHtml] = useState(initial);
  const [captions, setCaptions] = useState<Record<string, string>>({});

  useEffect(() => {
    if (ref.current) ref.current.innerHTML = initial;
  }, [initial]);

  const sync = () => setHtml(ref.current?.innerHTML ?? "");
  const exec = (command: string, value?: string) => {
    ref.current?.focus();
    document.execCommand(command, false, value);
    sync();
  };
  const insertImage = (img: StoryImage) => {
    const caption = (captions[img.id] ?? "").trim() || img.fileName.replace(/\.[^.]+$/, "");
    const esc = caption.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
    exec("insertHTML", `<figure><img src="/api/case-images/${img.id}" alt="${esc}"><figcaption>${esc}</figcaption></figure><p><br></p>`);
  };

  return (
    <div>
      <div role="toolbar" aria-label="正文格式" className="flex flex-wrap gap-1 rounded-t-md border border-b-0 border-slate-300 bg-slate-50 p-1">
        {TOOLS.map((t) => (
          <Button key={t.label} type="button" size="sm" variant="secondary" onMouseDown={(e) => e.preventDefault()} onClick={() => exec(t.command, t.value)}>
            {t.label}
          </Button>
        ))}
      </div>
      <div ref={ref} contentEditable suppressContentEditableWarning role="textbox" aria-multiline="true" aria-labelledby={labelId}
        aria-describedby={describedBy} tabIndex={0} onInput={sync} onBlur={sync}
        className="case-story min-h-64 rounded-b-md border border-slate-300 bg-white p-4 text-sm focus:border-brand-600 focus:outline-none" />
      <input type="hidden" name={name} value={html} />
      {images.length > 0 && (
        <ul className="mt-3 space-y-2" aria-label="已上传的图片">
          {images.map((img) => (
            <li key={img.id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="min-w-0 truncate text-slate-700">{img.fileName}</span>
              <label className="sr-only" htmlFor={`caption-${img.id}`}>图片说明：{img.fileName}</label>
              <input id={`caption-${img.id}`} placeholder="图片说明" className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                value={captions[img.id] ?? ""} onChange={(e) => setCaptions({ ...captions, [img.id]: e.target.value })} />
              <Button type="button" size="sm" variant="secondary" onClick={() => insertImage(img)}>插入正文</Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
