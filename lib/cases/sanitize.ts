import sanitizeHtml from "sanitize-html";

// A case's story is rich text written in the console and shown on the public portal, so it is cleaned on the
// server before it is stored (and again before it is shown, in case a row was written some other way). What
// survives: structure and emphasis, links to http(s)/mailto, and images served by this platform only
// (`/api/case-images/<id>`) — no script, no style, no event handler, no external image, no javascript: URL.

/** The only image source a story may use: an image uploaded to the case through the attachment kit. */
export const CASE_IMAGE_SRC = /^\/api\/case-images\/[a-z0-9]{10,40}$/;

export const caseImageSrc = (attachmentId: string) => `/api/case-images/${attachmentId}`;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "blockquote", "ul", "ol", "li", "a",
    "img", "figure", "figcaption", "hr", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: { a: ["href", "rel"], img: ["src", "alt"], th: ["scope"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: "discard",
  // Drop the content of these, not just the tags (sanitize-html keeps text of unknown tags otherwise).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template", "title"],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow" } }),
  },
  exclusiveFilter: (frame) => frame.tag === "img" && !CASE_IMAGE_SRC.test(frame.attribs.src ?? ""),
};

/** The story as it may be stored and shown. */
export function sanitizeStory(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** The story's text without markup (length checks, summaries). */
export function storyText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim();
}

/** Ids of the platform images a (sanitised) story shows. */
export function storyImageIds(html: string): string[] {
  const ids = [...html.matchAll(/src="\/api\/case-images\/([a-z0-9]{10,40})"/g)].map((m) => m[1]);
  return [...new Set(ids)];
}
