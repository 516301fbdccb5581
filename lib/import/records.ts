import type { DeliveryMode, Gender, ProfessionalTitle, TalentCategory, Urgency } from "@/lib/generated/prisma/enums";
import type { UnitRow } from "@/lib/import/reference";

// The validated rows kept on the job (ImportJob.payload) until the user commits them: plain JSON.

export type ExpertRecord = {
  row: number;
  name: string;
  gender: Gender;
  birthYear: number;
  employer: string;
  title: ProfessionalTitle;
  disciplineCodes: string[];
  industryCodes: string[];
  skills: string[];
  bio: string;
  talentCategories: TalentCategory[];
  regionCode: string;
  provinceCode: string;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
  isRetired: boolean;
  maxConcurrent: number;
};

export type NeedRecord = {
  row: number;
  unitId: string;
  regionCode: string;
  provinceCode: string;
  title: string;
  bottleneck: string;
  menuItemIds: string[];
  disciplineCodes: string[];
  industryCodes: string[];
  windowStart: string | null; // YYYY-MM-DD
  windowEnd: string | null;
  expertsWanted: number;
  delivery: DeliveryMode;
  expectedOutcome: string;
  breakBottleneck: boolean;
  promoteTechnology: boolean;
  raiseFarmerIncome: boolean;
  urgency: Urgency;
  onBehalfOf: string | null;
};

/**
 * Who imports, as the validators need it: national (ministry) has no province; a province importer has its
 * province; a unit importer has its own unit (and that unit's province).
 */
export type Importer =
  | { kind: "national" }
  | { kind: "province"; provinceCode: string }
  | { kind: "unit"; unit: UnitRow };
