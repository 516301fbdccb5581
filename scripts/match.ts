// `npm run match -- affinity --experts experts.jsonl --needs needs.jsonl --out scores.jsonl [--top K] [--model pool|tfidf|bm25] [--qrels qrels.json] [--dictionary]`
// Scores every expert × need (or, with --top K, each need's K best) with the app's relevance model (lib/matching/
// pool-model, fitted on the experts given; `--model tfidf` is the earlier engine, `bm25` BM25 over character
// bigrams). With --qrels, prints NDCG@10 of all three, measured in this run.
// Input lines: experts {"id","name"?,"disciplines"?,"skills"?,"bio"?,"achievements"?:[{"title","abstract"?}]},
// needs {"id","title","description"?,"disciplines"?}. Output lines: {"expertId","needId","score"}.
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { affinity, poolAffinities, prepareExpert, prepareNeed, type AffinityExpert, type AffinityNeed } from "../lib/matching/affinity";
import { referenceDictionary } from "./match-dict";
import { bm25Bigrams, ndcgAt10, type Scores } from "./match-eval";
import { readFileSync } from "node:fs";

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


function tfidfScores(experts: AffinityExpert[], needs: AffinityNeed[]): Scores {
  const prepared = experts.map(prepareExpert);
  return needs.map((n) => {
    const need = prepareNeed(n);
    return { needId: need.id, scores: prepared.map((e) => ({ expertId: e.id, score: affinity(need, e) })) };
  });
}

async function affinityCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      experts: { type: "string" }, needs: { type: "string" }, out: { type: "string" }, top: { type: "string" },
      model: { type: "string", default: "pool" }, qrels: { type: "string" }, dictionary: { type: "boolean", default: false },
    },
  });
  if (!values.experts || !values.needs || !values.out) {
    throw new Error("用法：npm run match -- affinity --experts experts.jsonl --needs needs.jsonl --out scores.jsonl [--top K] [--model pool|tfidf|bm25] [--qrels qrels.json]");
  }
  const top = values.top === undefined ? null : Number(values.top);
  if (top !== null && (!Number.isInteger(top) || top < 1)) throw new Error("--top 须为正整数");
  if (!["pool", "tfidf", "bm25"].includes(values.model!)) throw new Error("--model 须为 pool、tfidf 或 bm25");

  const experts = await readJsonLines<AffinityExpert>(values.experts, "专家");
  const needs = await readJsonLines<AffinityNeed>(values.needs, "需求");
  for (const n of needs) if (typeof n.title !== "string") throw new Error(`需求 ${n.id} 缺少 title`);

  const started = performance.now();
  const run: Record<string, () => Scores> = {
    // The app segments as its stored match terms were segmented, without the domain dictionary; --dictionary adds
    // the discipline, industry and menu names to jieba here (measured both ways in the README).
    pool: () => poolAffinities(experts, needs, values.dictionary ? referenceDictionary() : []),
    tfidf: () => tfidfScores(experts, needs),
    bm25: () => bm25Bigrams(experts, needs),
  };
  const results = new Map<string, Scores>();
  const chosen = run[values.model!]();
  results.set(values.model!, chosen);
  const seconds = (performance.now() - started) / 1000;

  const out = createWriteStream(values.out, "utf8");
  let lines = 0;
  const write = async (text: string) => {
    lines++;
    if (!out.write(text)) await once(out, "drain");
  };
  for (const need of chosen) {
    const ranked = [...need.scores].sort((a, b) => b.score - a.score || a.expertId.localeCompare(b.expertId));
    for (const r of top === null ? need.scores : ranked.slice(0, top)) {
      await write(`${JSON.stringify({ expertId: r.expertId, needId: need.needId, score: r.score })}\n`);
    }
  }
  out.end();
  await once(out, "finish");
  console.log(`已写出 ${lines} 行到 ${values.out}（模型 ${values.model}，专家 ${experts.length}，需求 ${needs.length}，用时 ${seconds.toFixed(1)} s）`);

  if (values.qrels) {
    const qrels = JSON.parse(readFileSync(values.qrels, "utf8")) as Record<string, Record<string, number>>;
    for (const name of ["tfidf", "bm25", "pool"]) if (!results.has(name)) results.set(name, run[name]());
    const label: Record<string, string> = { tfidf: "原引擎 TF-IDF", bm25: "BM25（字二元组）", pool: "池模型（本版）" };
    for (const name of ["tfidf", "bm25", "pool"]) console.log(`NDCG@10 ${label[name]}：${ndcgAt10(qrels, results.get(name)!).toFixed(3)}`);
  }
}

/**
 * `npm run match -- refit`: fits the score weights on the older outcomes in the database (DATABASE_URL), measures
 * them and the weights in force on the newer ones, prints both and records the proposal (audited, as the system)
 * for the ministry to apply or not on /ministry/matching. Nothing changes in scoring until someone applies it.
 */
async function refitCommand() {
  if (!process.env.DATABASE_URL) throw new Error("请先设置 DATABASE_URL（例如 postgresql://postgres@127.0.0.1:5432/esp）并执行 npm run db:migrate");
  const { createPrismaClient } = await import("../lib/db");
  const { proposeRefit } = await import("../lib/match-settings/refit-service");
  const { writeAudit } = await import("../lib/audit/log");
  const { SCORE_PART_LABEL, SCORE_PARTS } = await import("../lib/matching/weights");
  const db = createPrismaClient(process.env.DATABASE_URL, 2);
  try {
    const fit = await db.$transaction(async (tx) => {
      const f = await proposeRefit(tx, null);
      await writeAudit(tx, {
        operation: "match.refitProposed", outcome: "SUCCESS", entityType: "MatchWeightFit", entityId: f.id,
        summary: `命令行依据 ${f.metrics.outcomes} 条结果生成权重建议`, after: { proposedWeights: f.proposedWeights, metrics: f.metrics },
      });
      return f;
    }, { timeout: 120_000 });
    await (await import("../lib/audit/chainer")).chainAudit(db);
    const m = fit.metrics;
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(`结果 ${m.outcomes} 条：较早的 ${m.train} 条拟合，${m.splitAt.slice(0, 10)} 起较新的 ${m.test} 条检验`);
    console.log(`检验段排序一致率：现行权重 ${pct(m.baseAgreement)}，建议权重 ${pct(m.proposedAgreement)}，提升 ${(m.gain * 100).toFixed(1)} 个百分点`);
    for (const p of SCORE_PARTS) console.log(`  ${SCORE_PART_LABEL[p]}\t现行 ${fit.baseWeights[p]}\t建议 ${fit.proposedWeights[p]}`);
    console.log(`已记录为待决定的建议（${fit.id}）；部级管理员可在“匹配设置”页面查看并决定是否采用，采用后可回退。`);
  } finally {
    await db.$disconnect();
  }
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { affinity: affinityCommand, refit: refitCommand };

(commands[command ?? ""] ?? (async () => { throw new Error(`未知命令 ${command ?? ""}；可用：${Object.keys(commands).join("、")}`); }))(rest).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
