// Integers with thousands separators ("113,039"), without Intl: the first toLocaleString() or Intl call of a
// page loads the browser's locale data, a 20–90 ms main-thread task measured in Chromium here, and the site
// only ever formats counts in English.

/** 113039 → "113,039"; -1234 → "-1,234"; non-integers keep their decimals (1234.5 → "1,234.5"). */
export function groupThousands(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, decimals] = String(Math.abs(n)).split(".");
  if (/e/i.test(whole!)) return String(n); // 1e21 and above: leave JavaScript's notation alone
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${grouped}${decimals !== undefined ? `.${decimals}` : ""}`;
}
