"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Select } from "@/components/ui/form-field";
import { ProgressBar } from "@/components/imports/progress-bar";

const MAX_BYTES = 20 * 1024 * 1024;

type Phase = { step: "idle" } | { step: "uploading"; loaded: number; total: number } | { step: "validating" };

/** Upload with a visible progress bar (XMLHttpRequest reports upload progress; fetch does not). */
export function UploadForm({ kinds }: { kinds: { value: string; label: string }[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  const busy = phase.step !== "idle";

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const data = new FormData(e.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("请选择要上传的 .xlsx 或 .csv 文件");
    if (file.size > MAX_BYTES) return setError("文件不能超过 20 MB");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports");
    xhr.responseType = "json";
    xhr.upload.onprogress = (ev) => setPhase({ step: "uploading", loaded: ev.loaded, total: ev.lengthComputable ? ev.total : file.size });
    xhr.upload.onload = () => setPhase({ step: "validating" });
    xhr.onload = () => {
      const body = xhr.response as { ok: boolean; data?: { id: string }; error?: string } | null;
      if (body?.ok && body.data) {
        router.push(`/imports/${body.data.id}`);
        return;
      }
      setPhase({ step: "idle" });
      setError(body?.error ?? (xhr.status === 401 ? "登录已超时，请重新登录" : "上传失败，请稍后再试"));
    };
    xhr.onerror = () => {
      setPhase({ step: "idle" });
      setError("网络错误，上传失败，请重试");
    };
    setPhase({ step: "uploading", loaded: 0, total: file.size });
    xhr.send(data);
  }

  return (
    <form ref={formRef} onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-label="上传导入文件">
      <FormField id="import-kind" label="导入类型">
        {(a) => (
          <Select {...a} name="kind" defaultValue={kinds[0]?.value} disabled={busy}>
            {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </Select>
        )}
      </FormField>
      <FormField id="import-file" label="选择文件" hint="支持 .xlsx 与 .csv（UTF-8 或 GBK 编码），不超过 20 MB，第 1 行为表头">
        {(a) => (
          <input {...a} type="file" name="file" required disabled={busy}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200" />
        )}
      </FormField>
      <div className="col-span-full flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>{busy ? "处理中…" : "上传并校验"}</Button>
        <FieldError errors={error} alert />
      </div>
      {phase.step === "uploading" && (
        <div className="col-span-full"><ProgressBar label="上传进度" value={phase.loaded} max={phase.total} /></div>
      )}
      {phase.step === "validating" && (
        <p className="col-span-full text-sm text-slate-600" role="status">上传完成，正在逐行校验，请稍候…</p>
      )}
    </form>
  );
}
