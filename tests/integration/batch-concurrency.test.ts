import { beforeEach, describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { saveProposal, type ProposedPair } from "@/lib/batch/service";
import { assignExpertOp } from "@/lib/matches/operations";
import { scoreOne } from "@/lib/matches/service";
import { createExpert, createNeed, createOrganization, createUser } from "@/prisma/seed/factories";
import { meta, sessionUserOf } from "./helpers";

// Saving a batch proposal while the province assigns one of its pairs by hand, both at once. Each side is held at a
// chosen point by a row lock, and released once the other is seen waiting on it (pg_blocking_pids), so the race is
// the same on every run.

const COUNTY = "630102"; // 青海
let province: SessionUser;
let unitId: string;

beforeEach(async () => {
  unitId = (await createOrganization(db, { regionCode: COUNTY })).id;
  province = await sessionUserOf((await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: "63" })).id);
});

async function pairOf() {
  const need = await createNeed(db, { unitId, state: "OPEN", expertsWanted: 2 });
  const expert = await createExpert(db, { regionCode: COUNTY, maxConcurrent: 3, user: true });
  // Score once beforehand: the first scoring in a process loads the segmenter, slow enough on a busy machine to
  // outlast the invitation's transaction while the test holds it.
  await scoreOne(db, need.id, expert.id);
  return { needId: need.id, expertId: expert.id, expertUserId: expert.userId! };
}

const proposed = (p: { needId: string; expertId: string }): ProposedPair => ({ ...p, score: 0.5, parts: {}, explanation: "测试方案" });

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A promise's outcome once it has one, to tell "not there yet" from "finished without waiting". */
function watch(p: Promise<unknown>) {
  const state: { done: boolean; value?: unknown } = { done: false };
  p.then((value) => Object.assign(state, { done: true, value }), (value) => Object.assign(state, { done: true, value }));
  return state;
}

/**
 * Wait until some session is blocked by `pid` (or, with `blocked`, until that session is blocked by anyone); fail
 * at once when the side expected to wait finished instead.
 */
async function waitUntilBlocked(by: { pid: number } | { blocked: number }, waiter: ReturnType<typeof watch>) {
  for (const until = Date.now() + 30_000; Date.now() < until;) {
    if (waiter.done) throw new Error(`finished without waiting: ${String(waiter.value instanceof Error ? waiter.value.stack : JSON.stringify(waiter.value))}`);
    const [r] = "pid" in by
      ? await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${by.pid}::int = ANY(pg_blocking_pids(pid))`
      : await db.$queryRaw<{ n: number }[]>`SELECT cardinality(pg_blocking_pids(${by.blocked}::int))::int AS n`;
    if (r.n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the other transaction never waited");
}

/** Run `work` in a transaction that, once `work` is done, stays open until `release` resolves. */
function holdOpen<T>(work: (tx: Tx) => Promise<T>) {
  const started = deferred();
  const ready = deferred();
  const release = deferred();
  let pid = 0;
  const done = db.$transaction(async (tx) => {
    [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    started.resolve();
    const out = await work(tx);
    ready.resolve();
    await release.promise;
    return out;
  }, { timeout: 30_000 });
  done.catch(() => (started.resolve(), ready.resolve()));
  return { started: started.promise, ready: ready.promise, release: release.resolve, done, pid: () => pid };
}

describe("a batch proposal saved while the same pair is assigned by hand", () => {
  it("skips the pair the invitation took and saves the rest (no aborted transaction)", async () => {
    const clash = await pairOf();
    const other = await pairOf();
    // Hold the expert's account row: the invitation inserts its match, then waits to notify the expert.
    const lock = holdOpen((tx) => tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${clash.expertUserId} FOR UPDATE`);
    await lock.ready;
    const assigned = executeAction(assignExpertOp, province, meta, { needId: clash.needId, expertId: clash.expertId, reason: "同时手工指派该专家" });
    await waitUntilBlocked({ pid: lock.pid() }, watch(assigned));

    // The proposal tries the same pair: its insert waits on the invitation's uncommitted row.
    const save = holdOpen((tx) => saveProposal(tx, [clash.needId, other.needId], [proposed(clash), proposed(other)]));
    await save.started;
    await waitUntilBlocked({ blocked: save.pid() }, watch(save.ready));
    lock.release();
    await lock.done;
    expect(await assigned).toMatchObject({ ok: true });
    await save.ready;
    save.release();
    const saved = await save.done;

    const byNeed = new Map(saved.map((s) => [s.needId, s]));
    expect(byNeed.get(clash.needId)).toMatchObject({ added: [], kept: [], skipped: [{ expertId: clash.expertId }] });
    expect(byNeed.get(clash.needId)!.skipped[0].reason).toContain("刚被他人处理");
    expect(byNeed.get(other.needId)).toMatchObject({ added: [other.expertId], skipped: [] });
    expect(await db.match.findUniqueOrThrow({ where: { needId_expertId: { needId: clash.needId, expertId: clash.expertId } } }))
      .toMatchObject({ state: "INVITED", source: "PROVINCE" });
    expect(await db.match.findUniqueOrThrow({ where: { needId_expertId: { needId: other.needId, expertId: other.expertId } } }))
      .toMatchObject({ state: "PROPOSED", source: "BATCH" });
    expect((await db.expertProfile.findUniqueOrThrow({ where: { id: clash.expertId } })).activeEngagements).toBe(1);
  });

  it("lets the invitation take the pair once the proposal holding it is saved", async () => {
    const pair = await pairOf();
    // The proposal writes the pair and stays open; the invitation waits for the need's row, then finds the proposal.
    const save = holdOpen((tx) => saveProposal(tx, [pair.needId], [proposed(pair)]));
    await save.ready;
    const assigned = executeAction(assignExpertOp, province, meta, { needId: pair.needId, expertId: pair.expertId, reason: "同时手工指派该专家" });
    await waitUntilBlocked({ pid: save.pid() }, watch(assigned));
    save.release();
    expect((await save.done)[0]).toMatchObject({ added: [pair.expertId], skipped: [] });
    expect(await assigned).toMatchObject({ ok: true });

    expect(await db.match.findMany({ where: { needId: pair.needId }, select: { expertId: true, state: true, source: true } }))
      .toEqual([{ expertId: pair.expertId, state: "INVITED", source: "PROVINCE" }]);
    expect((await db.expertProfile.findUniqueOrThrow({ where: { id: pair.expertId } })).activeEngagements).toBe(1);
  });
});
