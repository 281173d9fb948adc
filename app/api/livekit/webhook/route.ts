// LiveKit's signed webhooks (livekit-server posts them to LIVEKIT_WEBHOOK_URL). Verified with
// the console's LiveKit key; anything unsigned or signed by another key is a 401.
import { alreadyApplied, markApplied } from "@/lib/calls/webhook-receipts";
import { applyCallWebhook } from "@/lib/calls/webhooks";
import { KIB, readCappedBody } from "@/lib/http/read-capped-body";
import { receiveCallWebhook } from "@/lib/livekit/call-webhooks";

export async function POST(request: Request): Promise<Response> {
  // LiveKit's events are a few KiB; anything larger is refused before it is read whole or verified.
  const body = await readCappedBody(request, 64 * KIB);
  if (!body.ok) return new Response(null, { status: 413 });
  const ev = await receiveCallWebhook(body.text, request.headers.get("authorization"));
  if (!ev) return new Response(null, { status: 401 });
  // A replay of an event already applied is acknowledged and dropped.
  if (ev.id && (await alreadyApplied(ev.id))) return new Response(null, { status: 204 });
  try {
    await applyCallWebhook(ev);
    if (ev.id) await markApplied(ev.id);
  } catch (err) {
    console.error("[livekit webhook] could not apply", { event: ev.event, room: ev.roomName, err });
    return new Response(null, { status: 500 });
  }
  return new Response(null, { status: 204 });
}
