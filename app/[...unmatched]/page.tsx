import { notFound } from "next/navigation";
import { connection } from "next/server";

// Any address no other page matches (a catch-all ranks last): a 404 rendered per request, so Next puts the request's
// CSP nonce (proxy.ts) on its scripts. Left to Next, such an address would get the prerendered 404 page, whose
// scripts carry no nonce and would be blocked.
export default async function Unmatched(): Promise<never> {
  await connection();
  notFound();
}
