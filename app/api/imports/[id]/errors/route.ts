import { handleErrorsCsv } from "@/lib/import/http";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleErrorsCsv((await params).id);
}
