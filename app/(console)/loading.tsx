export default function ConsoleLoading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 py-12 text-slate-600">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden />
      正在加载…
    </div>
  );
}
