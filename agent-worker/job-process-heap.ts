// Each call runs in a job process the framework forks with this process's environment and
// no V8 flags of its own, so a flag meant for job processes goes into NODE_OPTIONS before
// the first fork (it does not change the process that sets it). The inference process is
// forked the same way and gets it too.

const SEMI_SPACE_FLAG = /(^|\s)--max-semi-space-size=\S*/g;

/** `current` NODE_OPTIONS with V8's young generation capped at `mb` per semi-space (an earlier cap replaced). */
export function nodeOptionsWithSemiSpace(current: string | undefined, mb: number): string {
  const rest = (current ?? "").replace(SEMI_SPACE_FLAG, " ").trim();
  return `${rest} --max-semi-space-size=${mb}`.trim();
}
