// What a file really is, judged by its first bytes (and, for OOXML, its ZIP entries), never by the browser's MIME
// type. The extension must agree with the content, so a renamed executable or a PDF called ".png" is refused.

import { macroRefusal } from "@/lib/storage/office-policy";

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export type FileKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "ole2" | "docx" | "xlsx" | "pptx";

const MIME: Record<Exclude<FileKind, "ole2">, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};
const OLE2_MIME: Record<string, string> = { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" };

/** Extensions each kind may carry. */
const EXTENSIONS: Record<FileKind, string[]> = {
  pdf: ["pdf"], png: ["png"], jpeg: ["jpg", "jpeg"], gif: ["gif"], webp: ["webp"],
  // The macro-enabled names pass here only to be judged by the ministry's policy (lib/storage/office-policy.ts).
  ole2: ["doc", "xls", "ppt"], docx: ["docx", "docm"], xlsx: ["xlsx", "xlsm"], pptx: ["pptx", "pptm"],
};

export const ACCEPTED_EXTENSIONS = Object.values(EXTENSIONS).flat();
export const ACCEPT_HINT = "PDF、图片（PNG/JPG/GIF/WebP）、Word、Excel、PowerPoint，单个不超过 20 MB";

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** Names of the entries in a ZIP archive, read from its central directory; null when it is not a readable ZIP. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the end of the file.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    if (at + 46 + nameLen > b.length) return null;
    names.push(decoder.decode(b.subarray(at + 46, at + 46 + nameLen)));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** The kind of file the bytes hold, or null when it is none of the accepted kinds. */
export function sniffKind(b: Uint8Array): FileKind | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) || startsWith(b, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) return "gif";
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return "webp"; // RIFF....WEBP
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole2";
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(b);
    if (!names) return null;
    if (names.some((n) => n.startsWith("word/"))) return "docx";
    if (names.some((n) => n.startsWith("xl/"))) return "xlsx";
    if (names.some((n) => n.startsWith("ppt/"))) return "pptx";
  }
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

export type SniffResult = { ok: true; kind: FileKind; mimeType: string } | { ok: false; reason: string };

/**
 * Accept or refuse an upload (size, content, extension, macro-capable Office formats unless `allowMacroOffice`),
 * with the reason in Chinese.
 */
export function checkUpload(
  fileName: string, bytes: Uint8Array, maxBytes = MAX_ATTACHMENT_BYTES, policy: { allowMacroOffice?: boolean } = {},
): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: "文件为空，请重新选择" };
  if (bytes.length > maxBytes) return { ok: false, reason: `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩或拆分后再上传` };
  const kind = sniffKind(bytes);
  if (!kind) return { ok: false, reason: `不支持的文件类型：仅接受 ${ACCEPT_HINT.split("，")[0]}（按文件内容识别）` };
  const ext = extensionOf(fileName);
  if (!EXTENSIONS[kind].includes(ext)) {
    return { ok: false, reason: `文件内容与扩展名不符：内容是 ${kind === "ole2" ? "旧版 Office 文档" : kind.toUpperCase()}，扩展名却是 “.${ext || "（无）"}”` };
  }
  const macro = macroRefusal(fileName, kind, bytes, policy.allowMacroOffice ?? false);
  if (macro) return { ok: false, reason: macro };
  return { ok: true, kind, mimeType: kind === "ole2" ? OLE2_MIME[ext] : MIME[kind] };
}
