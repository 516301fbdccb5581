// `npm run match -- affinity --experts experts.jsonl --needs needs.jsonl --out scores.jsonl [--top K]`
// Scores every expert × need (or, with --top K, each need's K best) with the app's text relevance.
// Input lines: experts {"id","name"?,"disciplines"?,"skills"?,"bio"?,"achievements"?:[{"title","abstract"?}]},
// needs {"id","title","description"?,"disciplines"?}. Output lines: {"expertId","needId","score"}.
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { affinity, CandidateIndex, prepareExpert, prepareNeed, type AffinityExpert, type AffinityNeed } from "../lib/matching/affinity";

async function readJsonLines<T>(file: string, what: string): Promise<T[]> {
  const out: T[] = [];
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    try {
      const value = JSON.parse(text) as T & { id?: unknown };
      if (value.id === undefined || value.id === null) throw new Error("缺少 id");
      out.push(value);
    } catch (err) {
      throw new Error(`${what}文件 ${file} 第 ${line} 行无法读取：${err instanceof Error ? err.message : err}`);
    }
  }
  return out;
}

async function affinityCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { experts: { type: "string" }, needs: { type: "string" }, out: { type: "string" }, top: { type: "string" } },
  });
  if (!values.experts || !values.needs || !values.out) {
    throw new Error("用法：npm run match -- affinity --experts experts.jsonl --needs needs.jsonl --out scores.jsonl [--top K]");
  }
  const top = values.top === undefined ? null : Number(values.top);
  if (top !== null && (!Number.isInteger(top) || top < 1)) throw new Error("--top 须为正整数");

  const experts = (await readJsonLines<AffinityExpert>(values.experts, "专家")).map(prepareExpert);
  const needs = (await readJsonLines<AffinityNeed>(values.needs, "需求")).map((n) => {
    if (typeof n.title !== "string") throw new Error(`需求 ${n.id} 缺少 title`);
    return prepareNeed(n);
  });
  const index = top === null ? null : new CandidateIndex(experts);
  const out = createWriteStream(values.out, "utf8");
  let lines = 0;
  const write = async (text: string) => {
    lines++;
    if (!out.write(text)) await once(out, "drain");
  };
  for (const need of needs) {
    if (index && top !== null) {
      const scored = index.candidates(need).map((e) => ({ e, score: affinity(need, e) }));
      scored.sort((a, b) => b.score - a.score || a.e.id.localeCompare(b.e.id));
      for (const { e, score } of scored.slice(0, top)) await write(`${JSON.stringify({ expertId: e.id, needId: need.id, score })}\n`);
    } else {
      for (const e of experts) await write(`${JSON.stringify({ expertId: e.id, needId: need.id, score: affinity(need, e) })}\n`);
    }
  }
  out.end();
  await once(out, "finish");
  console.log(`已写出 ${lines} 行到 ${values.out}（专家 ${experts.length}，需求 ${needs.length}）`);
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { affinity: affinityCommand };

(commands[command ?? ""] ?? (async () => { throw new Error(`未知命令 ${command ?? ""}；可用：${Object.keys(commands).join("、")}`); }))(rest).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
