// GET: liveness and readiness for the start and test scripts. No auth, no Space: it reveals
// only whether the database answers.
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true, database: "up" });
  } catch (err) {
    console.error("[health] database check failed", err);
    return Response.json({ ok: false, database: "down" }, { status: 503 });
  }
}
