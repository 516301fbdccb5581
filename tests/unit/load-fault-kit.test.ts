import { describe, expect, it } from "vitest";
import { actionIds, actionResult, population } from "@/scripts/load-fault-kit";

// npm run load:fault decides from these whether each write succeeded: a misread answer would count a failed write as
// accepted (and report it lost) or an accepted one as failed (and hide a loss).

describe("reading a server action's answer from its RSC response", () => {
  it("follows row 0's reference to the row that holds the result", () => {
    const body = '0:{"a":"$@1","f":"","b":"abc","q":"","i":false}\n1:{"ok":true,"data":{"id":"cm1","state":"SUBMITTED"}}\n';
    expect(actionResult(body)).toEqual({ ok: true, data: { id: "cm1", state: "SUBMITTED" } });
  });

  it("reads a refusal with its message, and a result held in row 0 itself", () => {
    expect(actionResult('0:{"a":"$@2","b":"x"}\n2:{"ok":false,"error":"系统繁忙，请稍后再试"}\n')).toEqual({ ok: false, error: "系统繁忙，请稍后再试" });
    expect(actionResult('0:{"a":{"ok":true,"data":null},"b":"x"}\n')).toEqual({ ok: true, data: null });
  });

  it("finds no result in an error answer, a digest, an HTML page or a reference to a missing row", () => {
    expect(actionResult('0:{"a":"$@1","b":"x"}\n1:E{"digest":"123"}\n')).toBeUndefined();
    expect(actionResult("<!DOCTYPE html><html><body>Internal Server Error</body></html>")).toBeUndefined();
    expect(actionResult('0:{"a":"$@7","b":"x"}\n')).toBeUndefined();
    expect(actionResult("")).toBeUndefined();
  });
});

describe("the build's action ids", () => {
  const manifest = {
    node: {
      aa: { exportedName: "createNeedAction", filename: "lib/needs/actions.ts" },
      bb: { exportedName: "inviteExpertAction", filename: "lib/matches/actions.ts" },
      cc: { exportedName: "respondMatchAction", filename: "lib/matches/actions.ts" },
      dd: { exportedName: "logRecordAction", filename: "lib/engagements/actions.ts" },
      ee: { exportedName: "logRecordAction", filename: "lib/other/actions.ts" },
    },
  };

  it("are found by export name in their own module", () => {
    expect(actionIds(manifest)).toEqual({ createNeed: "aa", invite: "bb", respond: "cc", logRecord: "dd" });
    // The same export name in another module is not taken for it.
    expect(() => actionIds({ node: { ...manifest.node, dd: { exportedName: "x" } } })).toThrow(/logRecordAction（lib\/engagements\/actions.ts）/);
  });

  it("refuses a build without one of them, naming it", () => {
    const rest = Object.fromEntries(Object.entries(manifest.node).filter(([id]) => id !== "cc"));
    expect(() => actionIds({ node: rest })).toThrow(/respondMatchAction/);
  });
});

describe("the simulated population", () => {
  it("splits 200 users into 20 province staff, 80 units and 100 experts, and keeps one of each for tiny runs", () => {
    expect(population(200)).toEqual({ provinces: 20, units: 80, experts: 100 });
    expect(population(3)).toEqual({ provinces: 1, units: 1, experts: 1 });
  });
});
