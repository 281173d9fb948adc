import { readFileSync } from "node:fs";
import { recogniseAmong, speechSegments, ulawToPcm, DISTRACTORS, SHORT_DISTRACTORS } from "./audio-check.ts";
const g = "Good afternoon, you have reached the front desk of the hotel. How may I help you?";
const d = "Hello, thank you for calling Switchboard. How can I help you today?";
for (const f of process.argv.slice(2)) {
  const ulaw = readFileSync(f);
  for (const s of speechSegments(ulawToPcm(ulaw))) {
    const a = ulaw.subarray(Math.max(0, s.start - 2400), Math.min(ulaw.length, s.end + 2400));
    console.log(f.split("/").pop(), s.start / 8000, "| long:", recogniseAmong(a, [g, d, ...DISTRACTORS]), "| short:", recogniseAmong(a, ["you pressed five", "you pressed two", ...SHORT_DISTRACTORS]));
  }
}
