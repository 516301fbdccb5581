import type { ImportKind } from "@/lib/generated/prisma/enums";
import { columnsFor, mapHeader, type RowError } from "@/lib/import/columns";
import type { Sheet } from "@/lib/import/read";
import type { ExpertRecord, Importer, NeedRecord } from "@/lib/import/records";
import type { ExpertReference, NeedReference } from "@/lib/import/reference";
import { expertDuplicateKeys, validateExpertRow, type RowResult } from "@/lib/import/validate-experts";
import { needDuplicateKeys, validateNeedRow } from "@/lib/import/validate-needs";

export type Validation<T> = { totalRows: number; errors: RowError[]; records: T[] };

type Kinds = { EXPERTS: { record: ExpertRecord; ref: ExpertReference }; NEEDS: { record: NeedRecord; ref: NeedReference } };

/**
 * A whole sheet: the header is mapped first (a missing required column stops there), then every row is
 * validated against the reference loaded once, and rows repeating an earlier good row are reported.
 */
export function validateSheet<K extends ImportKind>(
  kind: K,
  sheet: Sheet,
  ref: Kinds[K]["ref"],
  importer: Importer,
  now = new Date(),
): Validation<Kinds[K]["record"]> {
  const defs = columnsFor(kind, { organizationId: importer.kind === "unit" ? importer.unit.id : null });
  const header = mapHeader(sheet.header, defs);
  const errors: RowError[] = [...header.errors];
  if (header.fatal) return { totalRows: sheet.rows.length, errors, records: [] };

  const records: Kinds[K]["record"][] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const values = new Map<string, string>();
    for (const [key, index] of header.columns) values.set(key, cells[index] ?? "");
    const result = (kind === "EXPERTS"
      ? validateExpertRow(row, values, ref as ExpertReference, importer, now)
      : validateNeedRow(row, values, ref as NeedReference, importer)) as RowResult<Kinds[K]["record"]>;
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const keys = kind === "EXPERTS" ? expertDuplicateKeys(result.record as ExpertRecord) : needDuplicateKeys(result.record as NeedRecord);
    const dup = keys.find((k) => seen.has(k.key));
    if (dup) {
      const column = kind === "EXPERTS" ? "姓名" : "需求标题";
      errors.push({ row, column, message: `与第 ${seen.get(dup.key)} 行重复（${dup.what}相同）` });
      continue;
    }
    for (const k of keys) seen.set(k.key, row);
    records.push(result.record);
  }
  return { totalRows: sheet.rows.length, errors, records };
}

/** The ID number or name and phone of experts already on the platform, to refuse importing them twice. */
export type ExistingExperts = { idNumbers: Set<string>; namePhones: Set<string> };

/** Rows describing an expert already on the platform become row errors (importing the same sheet twice adds no one). */
export function rejectExistingExperts(result: Validation<ExpertRecord>, existing: ExistingExperts): Validation<ExpertRecord> {
  const errors = [...result.errors];
  const records: ExpertRecord[] = [];
  for (const r of result.records) {
    const sameId = !!r.idNumber && existing.idNumbers.has(r.idNumber.toUpperCase());
    const samePhone = !!r.phone && existing.namePhones.has(`${r.name}|${r.phone}`);
    if (sameId || samePhone) {
      errors.push({ row: r.row, column: sameId ? "身份证号" : "姓名", message: `平台中已有该专家（${sameId ? "身份证号" : "姓名和手机号码"}相同），不再重复导入` });
    } else records.push(r);
  }
  errors.sort((a, b) => a.row - b.row);
  return { ...result, errors, records };
}
