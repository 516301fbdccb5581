import { domainWords } from "../lib/matching/pool-model";
import { DISCIPLINES, INDUSTRIES, SERVICE_MENU } from "../prisma/seed/reference-data";

/** The domain dictionary the app builds from its reference tables (discipline and industry names, the menu). */
export function referenceDictionary(): string[] {
  return domainWords([...DISCIPLINES.map((d) => d.name), ...INDUSTRIES.map((d) => d.name), ...SERVICE_MENU.map((m) => m.name)]);
}
