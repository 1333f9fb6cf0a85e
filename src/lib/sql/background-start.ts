// Whether /query may start DuckDB by itself once the page has loaded: about 6 MB (brotli) that the reader did not
// ask for yet, so it is only fetched when the browser gives no sign that data is dear or slow. A reader whose
// browser says so still gets DuckDB the moment they point at the SQL box or press Load or Run.

/** What the Network Information API tells (Chromium: navigator.connection; absent in Firefox and Safari). */
export interface ConnectionHints {
  saveData?: boolean;
  effectiveType?: string;
}

export type BackgroundStart = {start: true} | {start: false; reason: string};

/** Effective connection types too slow to spend ~6 MB on without being asked. */
const SLOW = new Set(["slow-2g", "2g", "3g"]);

export function backgroundStart(connection: ConnectionHints | undefined): BackgroundStart {
  if (connection?.saveData === true) return {start: false, reason: "your browser asks sites to save data"};
  const type = connection?.effectiveType;
  if (typeof type === "string" && SLOW.has(type)) return {start: false, reason: `your connection is slow (${type})`};
  return {start: true};
}
