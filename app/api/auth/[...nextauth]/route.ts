import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { lookupSession } from "@/lib/auth/session";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth's own /api/auth/session only decodes the cookie: a session revoked on the server (signed out elsewhere,
// password changed, account disabled) would still read as signed in there. Answer it from our session check instead.
export async function GET(req: Request, ctx: RouteContext) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "session" && !(await lookupSession()).user) {
    return Response.json({}, { headers: { "Cache-Control": "no-store" } });
  }
  return handler(req, ctx);
}

export { handler as POST };
