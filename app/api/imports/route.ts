import { handleUpload } from "@/lib/import/http";

export async function POST(req: Request) {
  return handleUpload(req);
}
