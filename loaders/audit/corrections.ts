// A correction replaces printed cells by the consistent reading (never in the data: only to test which
// findings a cause explains). Applying it and re-running the checks shows the findings it removes.
import {parsePrinted} from "../paper-printed.js";
import type {PaperNumber} from "../paper-tidy.js";

export interface Override {
  id: string;
  /** The consistent reading, written as the paper would print it. */
  text: string;
}

export function applyOverrides(numbers: PaperNumber[], overrides: Override[]): PaperNumber[] {
  if (!overrides.length) return numbers;
  const byId = new Map(overrides.map((o) => [o.id, o.text]));
  return numbers.map((n) => {
    const text = byId.get(n.id);
    if (text === undefined) return n;
    const p = parsePrinted(text);
    return {...n, text, value: p.value, values: p.values, decimals: p.decimals, kind: p.kind};
  });
}

export const oneDecimal = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
