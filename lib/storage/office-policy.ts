import { extensionOf, zipEntryNames } from "@/lib/storage/sniff";

// Office files that can carry macros: the legacy binary formats (OLE2: .doc/.xls/.ppt) and the macro-enabled OOXML
// ones (.docm/.xlsm/.pptm — or any OOXML package holding a VBA project, whatever its name says). Refused unless the
// ministry allows them (SecuritySettings.allowLegacyOffice).

export const MACRO_EXTENSIONS = ["docm", "xlsm", "pptm"];

/** Whether a ZIP (OOXML) package holds a VBA project. */
export function hasVbaProject(bytes: Uint8Array): boolean {
  return (zipEntryNames(bytes) ?? []).some((n) => /(^|\/)vbaProject\.bin$/i.test(n));
}

/**
 * The refusal for a macro-capable Office file, or null. `kind` is what the content sniffer found; run after it.
 */
export function macroRefusal(fileName: string, kind: string, bytes: Uint8Array, allowMacroOffice: boolean): string | null {
  if (allowMacroOffice) return null;
  if (kind === "ole2") return "为防范宏病毒，平台不接收旧版 Office 文件（.doc/.xls/.ppt），请另存为 .docx/.xlsx/.pptx 或 PDF 后上传";
  if (MACRO_EXTENSIONS.includes(extensionOf(fileName)) || ((kind === "docx" || kind === "xlsx" || kind === "pptx") && hasVbaProject(bytes))) {
    return "为防范宏病毒，平台不接收含宏的 Office 文件（.docm/.xlsm/.pptm），请另存为不含宏的格式后上传";
  }
  return null;
}

/** ZIP bomb bounds for spreadsheets read on the server (lib/import/read.ts). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;
export const MAX_COMPRESSION_RATIO = 200;

/**
 * The declared unpacked size of a ZIP's entries (central directory), checked before anything is inflated: the total,
 * the entry count and the compression ratio are bounded; ZIP64 sizes (0xFFFFFFFF) are refused outright.
 */
export function zipBombRefusal(b: Uint8Array): string | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "文件已损坏：无法读取 Excel 工作簿结构";
  const count = view.getUint16(eocd + 10, true);
  if (count === 0xffff || count > MAX_ZIP_ENTRIES) return "Excel 工作簿内部文件过多，疑似异常文件，已拒绝";
  let at = view.getUint32(eocd + 16, true);
  let packed = 0;
  let unpacked = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) return "文件已损坏：无法读取 Excel 工作簿结构";
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (compressed === 0xffffffff || size === 0xffffffff) return "Excel 工作簿解压后过大，疑似异常文件，已拒绝";
    packed += compressed;
    unpacked += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (unpacked > MAX_UNPACKED_BYTES) return `Excel 工作簿解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，疑似异常文件，已拒绝；请拆分后导入`;
  if (packed > 0 && unpacked / packed > MAX_COMPRESSION_RATIO && unpacked > 10 * 1024 * 1024) return "Excel 工作簿压缩比异常，疑似压缩炸弹，已拒绝";
  return null;
}
