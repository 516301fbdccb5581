import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readmeScripts, uncovered, type Step } from "@/scripts/smoke";

const table = `# Title
## Scripts

| script | what it does |
|---|---|
| \`npm run demo\` | build, then start |
| \`npm start\` | start |
| \`npm test\` | all tiers; \`npm test -- unit integration\` runs a subset |
| \`npm run test:unit\` / \`test:integration\` | one tier |
| \`npm run match -- affinity --experts e.jsonl [--top K]\` | scores |

Environment: \`npm run not-a-row\`
## Next section
| \`npm run elsewhere\` | not the scripts table |
`;

const step = (...covers: string[]): Step => ({ covers, command: ["npm", "run", covers[0]], timeoutSeconds: 1 });

describe("the smoke step's list of README commands", () => {
  it("reads every script name of the table's first column, and nothing outside the table", () => {
    expect(readmeScripts(table).sort()).toEqual(["demo", "match", "start", "test", "test:integration", "test:unit"]);
  });

  it("fails a README command that no step runs or that package.json lacks", () => {
    const scripts = { demo: "x", start: "x", test: "x", "test:unit": "x", match: "x" };
    const gaps = uncovered(readmeScripts(table), scripts, [step("demo", "build"), step("start"), step("test"), step("test:unit"), step("test:integration")]);
    expect(gaps).toEqual([
      "README 列出的 npm test:integration 在 package.json 中不存在",
      "README 列出的 npm match 没有冒烟步骤（scripts/smoke.ts）",
    ]);
  });

  it("covers every command of this project's README with a package.json script", () => {
    const names = readmeScripts(readFileSync("README.md", "utf8"));
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts;
    expect(names).toEqual(expect.arrayContaining(["demo", "build", "start", "db:migrate", "lint", "typecheck", "bench:matching", "match"]));
    expect(names.filter((n) => !(n in scripts))).toEqual([]);
  });
});
