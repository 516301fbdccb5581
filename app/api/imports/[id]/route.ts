import { handleProgress } from "@/lib/import/http";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleProgress((await params).id);
}
