import { notFound } from "next/navigation";
import { LiveCall } from "@/components/calls/live-call";
import { requireSpace } from "@/lib/auth/session";
import { getCall } from "@/lib/calls/service";
import { getTranscript } from "@/lib/calls/transcripts/get-transcript";
import { NotFoundError } from "@/lib/errors";

async function load(ctx: Awaited<ReturnType<typeof requireSpace>>, callId: string) {
  try {
    return await getCall(ctx, callId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export default async function CallPage({ params }: { params: Promise<{ spaceId: string; callId: string }> }) {
  const { spaceId, callId } = await params;
  const ctx = await requireSpace(spaceId);
  const call = await load(ctx, callId);
  const transcript = await getTranscript(ctx, callId);
  return <LiveCall spaceId={spaceId} initialCall={call} initialTranscript={transcript} />;
}
