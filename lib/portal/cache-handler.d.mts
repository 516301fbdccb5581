// Types of lib/portal/cache-handler.mjs (plain JavaScript: Next imports it outside the app's bundle).
export declare const TABLE: string;
export declare function entryTags(
  value: { kind?: string; headers?: Record<string, unknown>; tags?: string[] } | null | undefined,
  ctx?: { kind?: string; tags?: string[]; softTags?: string[] },
): string[];
export declare function revalidatedSince(lastModified: number, latest: number | null, offset: number): boolean;
export declare class ClockOffset {
  offset: number;
  rtt: number;
  at: number;
  observe(dbNow: number, sentAt: number, receivedAt: number): number;
}
declare class SharedTagsCacheHandler {
  constructor(ctx: unknown);
  get(key: string, ctx: unknown): Promise<unknown>;
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
export default SharedTagsCacheHandler;
