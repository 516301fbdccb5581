import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { holds } from "@/lib/auth/permissions";
import { portalCached, PORTAL_TAG } from "@/lib/portal/cache";

export const ANNOUNCEMENT_PAGE_SIZE = 20;

/** The ministry's list: every announcement, newest first. */
export async function announcementsForManager(user: SessionUser, page: number) {
  if (!holds(user, "announcement.manage")) return { total: 0, rows: [], page: 1, pageSize: ANNOUNCEMENT_PAGE_SIZE };
  const [total, rows] = await Promise.all([
    db.announcement.count(),
    db.announcement.findMany({
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (page - 1) * ANNOUNCEMENT_PAGE_SIZE, take: ANNOUNCEMENT_PAGE_SIZE,
      select: { id: true, title: true, body: true, state: true, pinned: true, publishedAt: true, version: true, updatedAt: true },
    }),
  ]);
  return { total, rows, page, pageSize: ANNOUNCEMENT_PAGE_SIZE };
}

const PUBLIC_SELECT = { id: true, title: true, body: true, pinned: true, publishedAt: true } as const;

export async function readPublishedAnnouncements(take: number) {
  return db.announcement.findMany({
    where: { state: "PUBLISHED" }, orderBy: [{ pinned: "desc" }, { publishedAt: "desc" }, { id: "asc" }], take, select: PUBLIC_SELECT,
  });
}

export async function readPublishedAnnouncement(id: string) {
  return db.announcement.findFirst({ where: { id: id.slice(0, 40), state: "PUBLISHED" }, select: PUBLIC_SELECT });
}

/** Published announcements, pinned first (public; cached). */
export const publishedAnnouncements = portalCached("announcements:list", [PORTAL_TAG.announcements], readPublishedAnnouncements);
/** One published announcement, or null for a draft, a withdrawn one or no such id (public; cached). */
export const publishedAnnouncement = portalCached("announcements:one", [PORTAL_TAG.announcements], readPublishedAnnouncement);
