import { NotFoundNotice } from "@/components/not-found-notice";

// Static: Next renders this boundary into every page's result, the prerendered portal pages' too (their own 404 is
// app/(public)/not-found.tsx). An address that matches no page reaches it through app/[...unmatched]/page.tsx,
// rendered per request — so that 404 carries the request's CSP nonce.
export default function NotFound() {
  return <NotFoundNotice standalone />;
}
