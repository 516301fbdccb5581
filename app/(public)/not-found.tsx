import { NotFoundNotice } from "@/components/not-found-notice";

// A portal page's 404 (an unpublished or withdrawn case, challenge, activity or announcement): part of the page's
// prerendered result, so it reads nothing of the request — its scripts are allowed by hash, not nonce.
export default function PortalNotFound() {
  return <NotFoundNotice standalone={false} />;
}
