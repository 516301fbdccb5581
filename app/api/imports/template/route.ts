import { handleTemplate } from "@/lib/import/http";

export async function GET(req: Request) {
  return handleTemplate(req);
}
