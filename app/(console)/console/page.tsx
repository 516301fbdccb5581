import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";

/** After sign-in: each role lands on its own console. */
export default async function ConsoleIndex() {
  const user = await requireUser("/console");
  redirect(homeFor(user));
}
