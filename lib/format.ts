import { CHINA_TIME_ZONE as TZ } from "@/lib/calendar/china-time";

// Display formatting. Times are shown in Beijing time whatever the server's zone.

const dateTimeFmt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  hour12: false,
});
const dateFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });
const numberFmt = new Intl.NumberFormat("zh-CN");

export function formatDateTime(d: Date | null | undefined): string {
  return d ? dateTimeFmt.format(d) : "—";
}

export function formatDate(d: Date | null | undefined): string {
  return d ? dateFmt.format(d) : "—";
}

export function formatNumber(n: number): string {
  return numberFmt.format(n);
}

/** Machine-readable value for <time dateTime>. */
export function isoOf(d: Date): string {
  return d.toISOString();
}

/** A file size for people: "320 KB", "4.2 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
