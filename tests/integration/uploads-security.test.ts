import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { uploadAttachmentOp } from "@/lib/needs/operations";
import { readSpreadsheet } from "@/lib/import/read";
import { saveSecuritySettingsOp } from "@/lib/security/operations";
import { securitySettings } from "@/lib/security/queries";
import { macroRefusal, MAX_UNPACKED_BYTES, zipBombRefusal } from "@/lib/storage/office-policy";
import { createNeed } from "@/prisma/seed/factories";
import { makeZip, SAMPLES } from "../sample-files";
import { ministryAdmin, provinceAdmin, SICHUAN_COUNTY, unitIn } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

process.env.STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), "uploads-security-"));

const file = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);
const macroDocx = makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", "word/vbaProject.bin": "VBA" });

/** The same ZIP, its central directory claiming `size` bytes unpacked for every entry. */
function inflatedClaims(zip: Uint8Array, size: number): Uint8Array {
  const b = zip.slice();
  const view = new DataView(b.buffer);
  for (let i = 0; i + 4 <= b.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return b;
}

describe("macro-capable Office files", () => {
  it("refuses legacy and macro-enabled formats, even renamed, unless allowed", () => {
    expect(macroRefusal("旧.doc", "ole2", SAMPLES.ole2, false)).toMatch(/旧版 Office/);
    expect(macroRefusal("宏.docm", "docx", macroDocx, false)).toMatch(/含宏/);
    expect(macroRefusal("改名.docx", "docx", macroDocx, false)).toMatch(/含宏/);
    expect(macroRefusal("正常.docx", "docx", SAMPLES.docx, false)).toBeNull();
    expect(macroRefusal("旧.doc", "ole2", SAMPLES.ole2, true)).toBeNull();
  });

  it("refuses a .doc attachment until the ministry allows them; only the ministry may, exactly one of two saves wins", async () => {
    const { org, user } = await unitIn(SICHUAN_COUNTY, "COOPERATIVE");
    const need = await createNeed(db, { unitId: org.id });
    const before = await securitySettings();
    expect(before.allowLegacyOffice).toBe(false);
    const refused = await executeAction(uploadAttachmentOp, user, meta, { needId: need.id, file: file(SAMPLES.ole2, "老文档.doc") });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringContaining("旧版 Office")] } });
    expect(await db.attachment.count({ where: { ownerId: need.id } })).toBe(0);
    const renamed = await executeAction(uploadAttachmentOp, user, meta, { needId: need.id, file: file(macroDocx, "说明.docx") });
    expect(renamed).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringContaining("含宏")] } });

    const province = await provinceAdmin("51");
    expect(await executeAction(saveSecuritySettingsOp, province, meta, { allowLegacyOffice: "on", version: String(before.version) })).toEqual(REFUSED);
    const [m1, m2] = [await ministryAdmin(), await ministryAdmin()];
    const saves = await Promise.all([
      executeAction(saveSecuritySettingsOp, m1, meta, { allowLegacyOffice: "on", version: String(before.version) }),
      executeAction(saveSecuritySettingsOp, m2, meta, { allowLegacyOffice: "on", version: String(before.version) }),
    ]);
    expect(saves.filter((s) => s.ok)).toHaveLength(1);
    expect((await securitySettings()).allowLegacyOffice).toBe(true);
    expect((await auditRows({ operation: "security.settings" })).filter((a) => a.outcome === "SUCCESS")).toHaveLength(1);

    expect(await executeAction(uploadAttachmentOp, user, meta, { needId: need.id, file: file(SAMPLES.ole2, "老文档.doc") })).toMatchObject({ ok: true });
    // Back to the default for the rest of the run.
    const now = await securitySettings();
    expect(await executeAction(saveSecuritySettingsOp, m1, meta, { version: String(now.version) })).toMatchObject({ ok: true });
    expect((await securitySettings()).allowLegacyOffice).toBe(false);
  });
});

describe("spreadsheet ZIP bombs", () => {
  it("refuses a workbook whose entries claim to unpack beyond the bound, before inflating anything", async () => {
    expect(zipBombRefusal(SAMPLES.xlsx)).toBeNull();
    const bomb = inflatedClaims(SAMPLES.xlsx, MAX_UNPACKED_BYTES);
    expect(zipBombRefusal(bomb)).toMatch(/解压后超过/);
    await expect(readSpreadsheet(bomb)).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("解压后超过") });
    const zip64 = inflatedClaims(SAMPLES.xlsx, 0xffffffff);
    await expect(readSpreadsheet(zip64)).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
