// What a download link saves: its readable file name, format, size and rows (the link itself is static HTML,
// so Framework rewrites its href to the hashed file; `download=` gives the saved file a readable name).
import {groupThousands} from "../lib/count-format.js";

export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`;
}

export function downloadFacts({bytes, rows}: {bytes: number; rows: number}, format: string, unit = "rows"): string {
  return `(${format}, ${formatBytes(bytes)}, ${groupThousands(rows)} ${unit})`;
}
