// Text for one value of an Arrow result that was not printed by DuckDB itself (statements that cannot be
// wrapped, see reader-query.ts). Exact where the value allows it: 64-bit integers arrive as BigInt, DECIMAL as
// its 128-bit unscaled integer (four 32-bit words, lowest first), dates and timestamps as epoch counts.
// The caller says what the Arrow type is, so this module needs no Arrow import and runs anywhere.

export type ArrowCellKind =
  | {kind: "decimal"; scale: number}
  | {kind: "date"} // value: epoch milliseconds at midnight UTC
  | {kind: "timestamp"; unit: "s" | "ms" | "us" | "ns"} // value: epoch count in that unit (number or bigint)
  | {kind: "binary"}
  | {kind: "other"};

/** The unscaled integer of a DECIMAL from its little-endian 32-bit words (two's complement). */
export function decimalWordsToBigInt(words: ArrayLike<number>): bigint {
  let v = 0n;
  for (let i = words.length - 1; i >= 0; i--) v = (v << 32n) | BigInt(words[i] >>> 0);
  const bits = BigInt(words.length * 32);
  return v >= 1n << (bits - 1n) ? v - (1n << bits) : v;
}

/** "-1234" with scale 3 -> "-1.234" (exact decimal text). */
export function scaledDecimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return unscaled.toString();
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  return `${neg ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** DuckDB's BLOB notation: printable ASCII as is, every other byte as \xHH. */
export function blobText(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`;
  return s;
}

const pad = (n: number | bigint, w = 2) => String(n).padStart(w, "0");

/** An epoch count in the given unit as "YYYY-MM-DD HH:MM:SS[.fraction]" (UTC), exact to the unit. */
export function timestampText(value: number | bigint, unit: "s" | "ms" | "us" | "ns"): string {
  const perSecond = {s: 1n, ms: 1000n, us: 1_000_000n, ns: 1_000_000_000n}[unit];
  const v = typeof value === "bigint" ? value : BigInt(Math.round(value));
  let seconds = v / perSecond;
  let frac = v % perSecond;
  if (frac < 0n) { frac += perSecond; seconds -= 1n; }
  const d = new Date(Number(seconds) * 1000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const digits = perSecond.toString().length - 1;
  const fraction = frac === 0n ? "" : `.${frac.toString().padStart(digits, "0").replace(/0+$/, "")}`;
  return `${date} ${time}${fraction}`;
}

function jsonish(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? blobText(v) : v));
}

/** The text of one cell; null stays null (shown empty, exported as an empty CSV cell). */
export function arrowCellText(value: unknown, type: ArrowCellKind = {kind: "other"}): string | null {
  if (value == null) return null;
  switch (type.kind) {
    case "decimal":
      if (typeof value === "bigint") return scaledDecimalText(value, type.scale);
      if (ArrayBuffer.isView(value)) return scaledDecimalText(decimalWordsToBigInt(value as unknown as Uint32Array), type.scale);
      break;
    case "date":
      if (typeof value === "number") return new Date(value).toISOString().slice(0, 10);
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      break;
    case "timestamp":
      if (typeof value === "number" || typeof value === "bigint") return timestampText(value, type.unit);
      break;
    case "binary":
      if (value instanceof Uint8Array) return blobText(value);
      break;
  }
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  // a JS number prints as the shortest decimal that reads back as the same double
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return blobText(value);
  const withJson = value as {toJSON?: () => unknown};
  return jsonish(typeof withJson.toJSON === "function" ? withJson.toJSON() : value);
}
