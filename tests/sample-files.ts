// Small files with real signatures, for the upload tests (unit, integration and end-to-end).

const enc = new TextEncoder();

function u16(n: number) {
  return [n & 0xff, (n >> 8) & 0xff];
}
function u32(n: number) {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A ZIP archive (stored, no compression) holding the given entries; CRCs are left 0 (nothing here checks them). */
export function makeZip(entries: Record<string, string>): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  let count = 0;
  for (const [name, text] of Object.entries(entries)) {
    const n = enc.encode(name);
    const data = enc.encode(text);
    const offset = local.length;
    local.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0),
      ...u32(data.length), ...u32(data.length), ...u16(n.length), ...u16(0), ...n, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0),
      ...u32(data.length), ...u32(data.length), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0),
      ...u32(offset), ...n);
    count++;
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length),
    ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}

export const SAMPLES = {
  pdf: enc.encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
  gif: enc.encode("GIF89a\x01\x00\x01\x00"),
  webp: new Uint8Array([...enc.encode("RIFF"), 36, 0, 0, 0, ...enc.encode("WEBPVP8 ")]),
  ole2: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  docx: makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
  xlsx: makeZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }),
  pptx: makeZip({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>" }),
  plainZip: makeZip({ "readme.txt": "hello" }),
  exe: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
  html: enc.encode("<!doctype html><script>alert(1)</script>"),
};
