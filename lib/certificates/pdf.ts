import path from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { SERVICE_FORM_LABEL } from "@/lib/labels";
import type { CertificateContents } from "@/lib/certificates/contents";

// The certificate as a PDF. Chinese is set in Noto Sans SC (OFL) shipped by the npm package @embedpdf/fonts-sc and
// read from node_modules: nothing is fetched at run time. pdfkit embeds only the glyphs used (a subset), so a
// certificate is tens of kilobytes although the font is 8 MB.

const FONT_DIR = path.join(process.cwd(), "node_modules", "@embedpdf", "fonts-sc", "fonts");
const REGULAR = path.join(FONT_DIR, "NotoSansHans-Regular.otf");
const BOLD = path.join(FONT_DIR, "NotoSansHans-Bold.otf");

export type CertificatePdfInput = {
  code: string;
  checkDigits: string;
  contents: CertificateContents;
  /** The public verification address the QR code carries. */
  verifyUrl: string;
  /** Where a reader types the code by hand. */
  verifyHome: string;
};

const MAX_SERVICES = 12;

export async function renderCertificatePdf({ code, checkDigits, contents: c, verifyUrl, verifyHome }: CertificatePdfInput): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: "M" });
  const doc = new PDFDocument({
    size: "A4", margin: 56,
    // The code in the document's metadata too, so a program can read it without parsing the page.
    info: { Title: `Service certificate ${code}`, Subject: `Verification code ${code}`, Keywords: `${code} ${checkDigits}`, Creator: "expert-service-platform" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", REGULAR);
  doc.registerFont("cjk-bold", BOLD);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font("cjk-bold").fontSize(26).text("服 务 证 明", { align: "center" });
  doc.moveDown(0.2).font("cjk").fontSize(11).fillColor("#475569").text("专家人才服务基层平台", { align: "center" });
  doc.moveDown(1.2).fillColor("#0f172a").fontSize(12.5);
  doc.text(
    `兹证明 ${c.expert.name}（${c.expert.employer}，${c.expert.title}，${c.expert.province}）于 ${c.period.from} 至 ${c.period.to} ` +
      `期间为基层提供专家服务，以下服务记录均已经服务单位确认：`,
    { lineGap: 4 },
  );
  doc.moveDown(0.8);

  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font("cjk-bold").fontSize(11.5).text(label, left, y, { width: 110 });
    doc.font("cjk").text(value, left + 116, y, { width: width - 116, lineGap: 2 });
    doc.moveDown(0.4);
  };
  const t = c.totals;
  row("服务时长", `${t.hours} 小时，${t.days} 天（${t.records} 条已确认的服务记录）`);
  row("服务单位", `${t.units} 个：${c.units.join("、")}`);
  row("服务形式", c.forms.map((f) => `${SERVICE_FORM_LABEL[f.form]} ${f.hours} 小时`).join("；"));
  row("服务对象", `服务 ${t.peopleServed} 人次，培训 ${t.peopleTrained} 人次`);
  if (c.activities.length) row("示范活动", c.activities.join("；"));
  row(
    "服务评价",
    c.feedback.count
      ? `服务单位评价 ${c.feedback.count} 份，平均满意度 ${c.feedback.average} 分（满分 5 分）；认为问题得到解决 ${c.feedback.solved} 份，愿意再次邀请 ${c.feedback.inviteAgain} 份`
      : "暂无服务单位评价",
  );

  doc.moveDown(0.4).font("cjk-bold").fontSize(11.5).text("服务项目", left);
  doc.font("cjk").fontSize(10.5);
  for (const s of c.services.slice(0, MAX_SERVICES)) {
    doc.text(`· ${s.needTitle}（${s.unitName}${s.activityTitle ? `，示范活动：${s.activityTitle}` : ""}）${s.hours} 小时，${s.days} 天`, { lineGap: 2 });
  }
  if (c.services.length > MAX_SERVICES) doc.text(`…… 另有 ${c.services.length - MAX_SERVICES} 项，详见核验页面`);

  // The verification block at the foot of the page.
  const footY = doc.page.height - doc.page.margins.bottom - 130;
  doc.moveTo(left, footY - 10).lineTo(left + width, footY - 10).strokeColor("#cbd5e1").stroke();
  doc.image(qr, left, footY, { width: 110 });
  doc.font("cjk").fontSize(10.5).fillColor("#0f172a");
  doc.text(`验证码：${code}`, left + 124, footY + 4, { width: width - 124 });
  doc.text(`校验位：${checkDigits}`, { width: width - 124 });
  doc.text(`开具日期：${c.issuedOn}`, { width: width - 124 });
  doc.fillColor("#475569").fontSize(9.5).text(
    `扫描二维码，或访问 ${verifyHome} 输入验证码，可核验本证明的真实性与内容。本证明由平台依据服务单位确认的服务记录生成，内容经数字签名，涂改无效。`,
    { width: width - 124, lineGap: 2 },
  );
  doc.end();
  return done;
}
