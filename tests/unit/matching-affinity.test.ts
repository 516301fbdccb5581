import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { affinity, CandidateIndex, disciplineOverlap, labelCloseness, prepareExpert, prepareNeed } from "@/lib/matching/affinity";

const kiwi = prepareExpert({
  id: "e1", disciplines: ["21060"], skills: ["猕猴桃溃疡病防控"], bio: "长期从事果树病害研究",
  achievements: [{ title: "Bacterial canker of kiwifruit in China", abstract: "Pseudomonas syringae pv. actinidiae" }],
});
const rail = prepareExpert({ id: "e2", skills: ["轨道交通信号"], bio: "城市轨道交通控制" });

describe("affinity", () => {
  it("compares discipline labels along the code hierarchy, and other labels exactly", () => {
    expect(labelCloseness("21060", "21060")).toBe(1);
    expect(labelCloseness("21060", "2106010")).toBe(0.8);
    expect(labelCloseness("21060", "21050")).toBe(0.5);
    expect(labelCloseness("园艺学", "园艺")).toBe(0);
    expect(disciplineOverlap(["21060", "21050"], ["21060"])).toBe(0.75);
  });

  it("scores a Chinese need against mixed Chinese and English expert text, highest for the right expert", () => {
    const need = prepareNeed({ id: "n1", title: "猕猴桃溃疡病爆发", description: "kiwifruit canker outbreak", disciplines: ["21060"] });
    const good = affinity(need, kiwi);
    expect(good).toBeGreaterThan(0.5);
    expect(good).toBeLessThanOrEqual(1);
    expect(affinity(need, rail)).toBe(0);
    const english = prepareNeed({ id: "n2", title: "Kiwifruit bacterial canker control" });
    expect(affinity(english, kiwi)).toBeGreaterThan(affinity(english, rail));
  });

  it("finds as candidates exactly the experts that can score above zero", () => {
    const index = new CandidateIndex([kiwi, rail]);
    const need = prepareNeed({ id: "n1", title: "猕猴桃溃疡病" });
    expect(index.candidates(need).map((e) => e.id)).toEqual(["e1"]);
    expect(index.candidates(prepareNeed({ id: "n3", title: "无关", disciplines: ["21099"] })).map((e) => e.id)).toEqual(["e1"]);
  });
});

describe("npm run match -- affinity", () => {
  const run = promisify(execFile);
  it("writes one line per expert × need, or each need's K best with --top", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "affinity-"));
    const experts = path.join(dir, "experts.jsonl");
    const needs = path.join(dir, "needs.jsonl");
    await writeFile(experts, [
      JSON.stringify({ id: "e1", skills: ["猕猴桃溃疡病防控"], achievements: [{ title: "Kiwifruit canker" }] }),
      JSON.stringify({ id: "e2", bio: "城市轨道交通控制" }),
    ].join("\n"));
    await writeFile(needs, [JSON.stringify({ id: "n1", title: "猕猴桃溃疡病" }), JSON.stringify({ id: "n2", title: "轨道交通" })].join("\n"));
    const tsx = path.resolve("node_modules/.bin/tsx");
    const all = path.join(dir, "all.jsonl");
    await run(tsx, ["scripts/match.ts", "affinity", "--experts", experts, "--needs", needs, "--out", all]);
    const rows = (await readFile(all, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.expertId === "e1" && r.needId === "n1").score).toBeGreaterThan(0.3);
    expect(rows.find((r) => r.expertId === "e2" && r.needId === "n1").score).toBe(0);
    const best = path.join(dir, "top.jsonl");
    await run(tsx, ["scripts/match.ts", "affinity", "--experts", experts, "--needs", needs, "--out", best, "--top", "1"]);
    const top = (await readFile(best, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(top.map((r) => `${r.needId}:${r.expertId}`)).toEqual(["n1:e1", "n2:e2"]);
    await expect(run(tsx, ["scripts/match.ts", "affinity", "--experts", experts])).rejects.toMatchObject({ stderr: expect.stringContaining("用法") });
  }, 60_000);
});
