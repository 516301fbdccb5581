"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { ProgressBar } from "@/components/imports/progress-bar";
import { cancelImportAction, commitImportAction } from "@/lib/import/actions";

type Progress = { state: string; processedRows: number; validRows: number; committedRows: number; failureReason: string | null };

type Props = { jobId: string; kind: "EXPERTS" | "NEEDS"; initial: Progress; errorRows: number; kindLabel: string };

const POLL_MS = 700;

/**
 * Commit the good rows or commit nothing, each after a confirmation; while committing, the progress bar
 * polls the job (GET /api/imports/[id]), which any instance can answer.
 */
export function JobActions({ jobId, kind, initial, errorRows, kindLabel }: Props) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [confirming, setConfirming] = useState<"commit" | "cancel" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const committing = progress.state === "COMMITTING";

  useEffect(() => {
    if (!committing) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/imports/${jobId}`, { cache: "no-store" });
        const body = (await res.json()) as { ok: boolean; data?: Progress };
        if (stopped || !body.ok || !body.data) return;
        setProgress(body.data);
        if (body.data.state !== "COMMITTING") router.refresh();
      } catch {
        // The next tick tries again.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [committing, jobId, router]);

  const payload = () => {
    const fd = new FormData();
    fd.set("jobId", jobId);
    fd.set("kind", kind);
    return fd;
  };

  function commit() {
    setConfirming(null);
    setError(null);
    setProgress((p) => ({ ...p, state: "COMMITTING", processedRows: 0 }));
    startTransition(async () => {
      const result = await commitImportAction(null, payload());
      if (result.ok) {
        const n = result.data.committedRows;
        setProgress((p) => ({ ...p, state: "COMMITTED", processedRows: n, committedRows: n }));
      } else {
        setError(result.error);
      }
      router.refresh();
    });
  }

  function cancel() {
    setConfirming(null);
    setError(null);
    startTransition(async () => {
      const result = await cancelImportAction(null, payload());
      if (!result.ok) setError(result.error);
      router.refresh();
    });
  }

  if (committing) {
    return (
      <div className="space-y-2" aria-live="polite">
        <ProgressBar label={`正在导入${kindLabel}`} value={progress.processedRows} max={progress.validRows} />
        <p className="text-sm text-slate-600">所有行在同一事务中写入：全部成功后才生效，出错则不写入任何数据。</p>
      </div>
    );
  }
  if (progress.state !== "VALIDATED") return <FieldError errors={error} alert />;

  return (
    <div className="space-y-3">
      {progress.validRows === 0 ? (
        <p className="text-sm text-slate-700">没有可导入的行，请修改文件后重新上传，或放弃本次导入。</p>
      ) : (
        <p className="text-sm text-slate-700">
          {errorRows > 0 ? `有 ${errorRows} 行存在错误，将被跳过。` : "所有行均已通过校验。"}
          请选择导入无误的 {progress.validRows} 行，或全部放弃。
        </p>
      )}
      {confirming === null && (
        <div className="flex flex-wrap gap-2">
          {progress.validRows > 0 && (
            <Button onClick={() => setConfirming("commit")} disabled={pending}>导入无误的 {progress.validRows} 行</Button>
          )}
          <Button variant="secondary" onClick={() => setConfirming("cancel")} disabled={pending}>全部放弃</Button>
        </div>
      )}
      {confirming === "commit" && (
        <div role="group" aria-label="确认导入" className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
          <span className="text-sm text-amber-900">确认导入 {progress.validRows} 条{kindLabel}？导入后不能撤销。</span>
          <Button onClick={commit} autoFocus>确认导入</Button>
          <Button variant="ghost" onClick={() => setConfirming(null)}>返回</Button>
        </div>
      )}
      {confirming === "cancel" && (
        <div role="group" aria-label="确认放弃" className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <span className="text-sm text-slate-800">确认放弃本次导入？不会写入任何数据。</span>
          <Button variant="danger" onClick={cancel} autoFocus>确认放弃</Button>
          <Button variant="ghost" onClick={() => setConfirming(null)}>返回</Button>
        </div>
      )}
      <FieldError errors={error} alert />
    </div>
  );
}
