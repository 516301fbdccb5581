// CSV reading: RFC 4180 records (quoted fields with "" escapes, commas and line breaks inside quotes, CRLF/LF/CR),
// a leading BOM ignored, and the text encoding guessed the way Excel in China saves it: UTF-8 when the bytes are
// valid UTF-8, else GB18030 (a superset of GBK/GB2312).

export class CsvFormatError extends Error {
  constructor(readonly row: number, message: string) {
    super(message);
    this.name = "CsvFormatError";
  }
}

/** UTF-8 when valid (BOM dropped), else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * Records of a CSV text, each a list of fields. A record's number is its position (1 = the first record), which
 * is the row number a spreadsheet shows even when a field spans several lines.
 * A quote is special only at the start of a field; a stray quote inside an unquoted field is kept literally.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false; // inside a quoted field
  let fieldStart = true; // nothing read yet for this field
  let quoteOpenedAt = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      quoteOpenedAt = rows.length + 1;
      continue;
    }
    if (c === ",") {
      row.push(field);
      field = "";
      fieldStart = true;
      continue;
    }
    if (c === "\r" || c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStart = true;
      if (c === "\r" && text[i + 1] === "\n") i++;
      continue;
    }
    field += c;
    fieldStart = false;
  }
  if (quoted) throw new CsvFormatError(quoteOpenedAt, `CSV 格式错误：第 ${quoteOpenedAt} 行的引号没有闭合`);
  if (!fieldStart || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
