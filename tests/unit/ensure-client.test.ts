import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientState, fingerprint } from "@/scripts/ensure-client";

describe("the generated Prisma client's freshness", () => {
  const dir = () => mkdtempSync(path.join(os.tmpdir(), "client-"));
  const print = fingerprint("model A { id String @id }", "6.19.3");

  it("is missing on a fresh clone, stale without or with another stamp, current with its own", () => {
    const d = dir();
    expect(clientState(d, print)).toBe("missing");
    writeFileSync(path.join(d, "client.ts"), "");
    expect(clientState(d, print)).toBe("stale");
    writeFileSync(path.join(d, ".schema-hash"), `${fingerprint("model A { id Int @id }", "6.19.3")}\n`);
    expect(clientState(d, print)).toBe("stale");
    writeFileSync(path.join(d, ".schema-hash"), `${print}\n`);
    expect(clientState(d, print)).toBe("current");
  });

  it("changes with the schema and with the Prisma version", () => {
    expect(fingerprint("model A { id String @id }", "6.19.3")).toBe(print);
    expect(fingerprint("model A { id String @id }", "6.19.4")).not.toBe(print);
    expect(fingerprint("model B { id String @id }", "6.19.3")).not.toBe(print);
  });

  it("counts a stamp without the client as missing", () => {
    const d = dir();
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, ".schema-hash"), print);
    expect(clientState(d, print)).toBe("missing");
  });
});
