// Where an agent may transfer a call (cold, SIP REFER through the caller's PBX): named
// destinations, each an E.164 number or a SIP URI. The agent's LLM names one ("transfer to
// sales"); the worker never sends an address of its own. Isomorphic: the agent form (one
// "name: target" a line), REST (a list of {name, target}), the console's transfer service.

export type TransferDestination = { name: string; target: string };

export const TRANSFER_DESTINATIONS_MAX = 10;
const NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
// sip:[user@]host[:port], no spaces, angle brackets, quotes or header parameters (?...).
const SIP_URI = /^sips?:(?:[A-Za-z0-9_.!~*'()&=+$,;%-]{1,64}@)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?::\d{1,5})?$/i;

export type ParsedDestinations = { ok: true; destinations: TransferDestination[] } | { ok: false; errors: string[] };

/** Why a target is not one, or null. */
export function targetProblem(target: string): string | null {
  if (E164.test(target) || SIP_URI.test(target)) return null;
  return `${target.slice(0, 80) || "(empty)"} is neither an E.164 number (+15551234567) nor a SIP URI (sip:sales@pbx.example.com).`;
}

/** One destination a line: "sales: +15551234567" or "support: sip:support@pbx.example.com". */
export function parseTransferDestinations(text: string): ParsedDestinations {
  const errors: string[] = [];
  const destinations: TransferDestination[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  lines.forEach((line, i) => {
    const at = line.indexOf(":");
    const name = at < 0 ? "" : line.slice(0, at).trim();
    const target = at < 0 ? "" : line.slice(at + 1).trim();
    if (!name || !target) return void errors.push(`Line ${i + 1}: write it as name: number or SIP URI (sales: +15551234567).`);
    if (!NAME.test(name)) return void errors.push(`Line ${i + 1}: use a name of letters, digits, spaces, dashes or underscores, up to 40 characters.`);
    const problem = targetProblem(target);
    if (problem) return void errors.push(`Line ${i + 1}: ${problem}`);
    if (destinations.some((d) => d.name.toLowerCase() === name.toLowerCase())) return void errors.push(`Line ${i + 1}: ${name} is named twice.`);
    destinations.push({ name, target });
  });
  if (destinations.length > TRANSFER_DESTINATIONS_MAX) errors.push(`At most ${TRANSFER_DESTINATIONS_MAX} destinations.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, destinations };
}

export function formatTransferDestinations(destinations: readonly TransferDestination[]): string {
  return destinations.map((d) => `${d.name}: ${d.target}`).join("\n");
}

/** What LiveKit's transfer is given: tel: for a number, the URI as it is. */
export function transferUri(target: string): string {
  return E164.test(target) ? `tel:${target}` : target;
}

/** The destination of that name (any case), or undefined. */
export function findDestination(destinations: readonly TransferDestination[], name: string): TransferDestination | undefined {
  return destinations.find((d) => d.name.toLowerCase() === name.trim().toLowerCase());
}
