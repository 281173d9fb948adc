// The browser's reads of the REST GETs (the session cookie authenticates them), for TanStack
// Query functions. A failure names what could not be loaded, never the server's body.

/** GETs `url` and returns its JSON body; throws "Could not load {what} (status)." otherwise. */
export async function getJson<T>(url: string, what: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (response.status === 404) throw new Error(`${what[0]?.toUpperCase() ?? ""}${what.slice(1)} was not found.`);
  if (!response.ok) throw new Error(`Could not load ${what} (${response.status}).`);
  return (await response.json()) as T;
}

/** The same, for a resource that may not exist yet (an agent's SIP registration): 404 is null. */
export async function getJsonOrNull<T>(url: string, what: string): Promise<T | null> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`Could not load ${what} (${response.status}).`);
  return (await response.json()) as T;
}
