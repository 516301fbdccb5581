import type { NeedState, ServiceForm } from "@/lib/generated/prisma/client";
import type { DemoContext } from "./demo-context";
import type { ExpertPool } from "./demo-experts";
import type { Admins, UnitInfo } from "./demo-people";
import type { DomainKey } from "./domains";
import type { TimelineStep } from "./factories";
import type { Rng } from "./random";

// The shapes a demo need is built in. demo-needs.ts builds them and hands each to demo-matching.ts for its matches,
// so they sit below both steps: each step then imports only what comes before it.

export type NeedInfo = {
  key: number;
  id: string;
  unit: UnitInfo;
  state: NeedState;
  domain: DomainKey;
  title: string;
  product: string;
  createdAt: Date;
  rowIndex: number;
  engagementIds: string[];
};

export type Built = { need: NeedInfo; steps: TimelineStep[]; openAt?: Date; matchedAt?: Date; windowStart: Date; windowEnd: Date };

export type NeedCtx = {
  ctx: DemoContext;
  rng: Rng;
  admins: Admins;
  pool: ExpertPool;
  /** PLANNING + ACTIVE engagements per expert id. */
  load: Map<string, number>;
  formsCache: Map<string, ServiceForm[]>;
};
