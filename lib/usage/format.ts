// Billable time as the console shows it. Isomorphic.

/** Seconds as minutes with one decimal ("12.5 min"): what the monthly limit is counted in. */
export function formatMinutes(seconds: number): string {
  return `${(Math.round(seconds / 6) / 10).toLocaleString("en-US", { minimumFractionDigits: 1 })} min`;
}
