import { postToConsole, type ConsolePostConfig, type ConsolePostOutcome } from "./console-post.js";

// Tells the console that the caller's SIP participant answered (sip.callStatus "active"):
// LiveKit sends no webhook for that, and the call log needs it for "in progress" and the
// call's duration.

export type AnswerReportConfig = ConsolePostConfig;
export type AnswerReportOutcome = ConsolePostOutcome;

export function reportAnswered(
  /** answeredAt: when the worker saw the call turn active (ISO 8601, milliseconds). */
  call: { roomName: string; participantIdentity: string; answeredAt?: string },
  config: AnswerReportConfig,
  fetchImpl: typeof fetch = fetch,
): Promise<AnswerReportOutcome> {
  return postToConsole("calls/answered", call, config, fetchImpl);
}
