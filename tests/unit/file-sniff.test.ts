import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkUpload, MAX_ATTACHMENT_BYTES, sniffKind, zipEntryNames } from "@/lib/storage/sniff";
import { LocalDiskStorage, newStorageKey } from "@/lib/storage/storage";
import { makeZip, SAMPLES } from "../sample-files";

describe("content sniffing", () => {
  it("recognises each accepted kind by its bytes", () => {
    expect(sniffKind(SAMPLES.pdf)).toBe("pdf");
    expect(sniffKind(SAMPLES.png)).toBe("png");
    expect(sniffKind(SAMPLES.jpeg)).toBe("jpeg");
    expect(sniffKind(SAMPLES.gif)).toBe("gif");
    expect(sniffKind(SAMPLES.webp)).toBe("webp");
    expect(sniffKind(SAMPLES.ole2)).toBe("ole2");
    expect(sniffKind(SAMPLES.docx)).toBe("docx");
    expect(sniffKind(SAMPLES.xlsx)).toBe("xlsx");
    expect(sniffKind(SAMPLES.pptx)).toBe("pptx");
  });

  it("refuses what is none of them: executables, HTML, ZIPs that are not Office documents, truncated ZIPs", () => {
    expect(sniffKind(SAMPLES.exe)).toBeNull();
    expect(sniffKind(SAMPLES.html)).toBeNull();
    expect(sniffKind(SAMPLES.plainZip)).toBeNull();
    expect(sniffKind(SAMPLES.docx.subarray(0, 40))).toBeNull();
    expect(sniffKind(new Uint8Array())).toBeNull();
  });

  it("reads ZIP entry names from the central directory", () => {
    expect(zipEntryNames(makeZip({ "a.txt": "1", "word/x.xml": "2" }))).toEqual(["a.txt", "word/x.xml"]);
    expect(zipEntryNames(SAMPLES.pdf)).toBeNull();
  });
});

describe("upload check", () => {
  it("accepts matching content and extension, with the MIME type from the content", () => {
    expect(checkUpload("报告.PDF", SAMPLES.pdf)).toEqual({ ok: true, kind: "pdf", mimeType: "application/pdf" });
    expect(checkUpload("photo.jpeg", SAMPLES.jpeg)).toMatchObject({ ok: true, mimeType: "image/jpeg" });
    expect(checkUpload("photo.jpg", SAMPLES.jpeg)).toMatchObject({ ok: true, mimeType: "image/jpeg" });
    // Legacy Office only when the ministry allows macro-capable formats (lib/storage/office-policy.ts).
    expect(checkUpload("老文档.doc", SAMPLES.ole2)).toMatchObject({ ok: false, reason: expect.stringContaining("旧版 Office") });
    const allow = { allowMacroOffice: true };
    expect(checkUpload("老文档.doc", SAMPLES.ole2, undefined, allow)).toMatchObject({ ok: true, mimeType: "application/msword" });
    expect(checkUpload("表.xls", SAMPLES.ole2, undefined, allow)).toMatchObject({ ok: true, mimeType: "application/vnd.ms-excel" });
    expect(checkUpload("方案.docx", SAMPLES.docx)).toMatchObject({ ok: true, kind: "docx" });
    expect(checkUpload("台账.xlsx", SAMPLES.xlsx)).toMatchObject({ ok: true, kind: "xlsx" });
    expect(checkUpload("汇报.pptx", SAMPLES.pptx)).toMatchObject({ ok: true, kind: "pptx" });
  });

  it("refuses a renamed file whatever the browser claims, with a Chinese reason", () => {
    expect(checkUpload("invoice.pdf", SAMPLES.exe)).toMatchObject({ ok: false, reason: expect.stringContaining("不支持的文件类型") });
    expect(checkUpload("image.png", SAMPLES.pdf)).toMatchObject({ ok: false, reason: expect.stringContaining("文件内容与扩展名不符") });
    expect(checkUpload("sheet.docx", SAMPLES.xlsx)).toMatchObject({ ok: false, reason: expect.stringContaining("扩展名") });
    expect(checkUpload("noextension", SAMPLES.pdf)).toMatchObject({ ok: false });
    expect(checkUpload("page.html", SAMPLES.html)).toMatchObject({ ok: false });
  });

  it("refuses empty and oversize files", () => {
    expect(checkUpload("a.pdf", new Uint8Array())).toMatchObject({ ok: false, reason: "文件为空，请重新选择" });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(SAMPLES.pdf);
    expect(checkUpload("big.pdf", big)).toMatchObject({ ok: false, reason: expect.stringContaining("超过 20 MB") });
    const exact = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exact.set(SAMPLES.pdf);
    expect(checkUpload("max.pdf", exact)).toMatchObject({ ok: true });
  });
});

describe("local disk storage", () => {
  it("puts, gets, streams and removes, and keeps keys inside its directory", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "storage-"));
    try {
      const store = new LocalDiskStorage(dir);
      const key = newStorageKey("need");
      expect(key).toMatch(/^need\/\d{4}\/[0-9a-f-]{36}$/);
      await store.put(key, SAMPLES.pdf);
      expect(new Uint8Array(await store.get(key))).toEqual(SAMPLES.pdf);
      const chunks: Uint8Array[] = [];
      for await (const c of await store.stream(key)) chunks.push(c);
      expect(Buffer.concat(chunks)).toEqual(Buffer.from(SAMPLES.pdf));
      await store.remove(key);
      await expect(store.get(key)).rejects.toThrow();
      await expect(store.put("../escape", SAMPLES.pdf)).rejects.toThrow("invalid storage key");
      expect(await readdir(path.dirname(path.join(dir, key)))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
