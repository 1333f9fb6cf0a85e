// The paper statements the token-toy page quotes, selected from the vendored transcription
// (data/paper/source/clipping.csv) by version and locator: App. B.1.3's worked example and Fig. 12(a)'s
// claim about average token probability. A missing or duplicated row is an error (the build fails).

export interface TokenPaperStatement {
  id: "eps" | "ceiling" | "band" | "fig12";
  version: string;
  /** "arXiv v1" */
  versionLabel: string;
  condition: string;
  item: string;
  /** as printed (text, not a parsed number) */
  value: string;
  locator: string;
  notes: string;
  href: string;
}

const WANT: { id: TokenPaperStatement["id"]; condition: string; item: string }[] = [
  { id: "eps", condition: "worked example", item: "clip ratio epsilon_c used in experiments" },
  { id: "ceiling", condition: "high-prob token pi_old=0.85", item: "upper threshold pi_old*(1+eps)" },
  { id: "band", condition: "low-prob token pi_old=0.02", item: "negative-bias threshold / positive-bias threshold" },
  { id: "fig12", condition: "random reward with vs without clipping, Qwen2.5-Math-7B", item: "average token probability" },
];

export const V1 = "B_arXiv_v1_2025-06-12";

export function tokenPaperStatements(clippingRows: Record<string, string>[]): TokenPaperStatement[] {
  return WANT.map((w) => {
    const hits = clippingRows.filter((r) => r.version === V1 && r.condition === w.condition && r.item === w.item);
    if (hits.length !== 1) throw new Error(`token toy: expected one arXiv v1 row for '${w.condition}' / '${w.item}' in clipping.csv, found ${hits.length}`);
    const r = hits[0];
    return { id: w.id, version: r.version, versionLabel: "arXiv v1", condition: r.condition, item: r.item, value: r.value, locator: r.locator, notes: r.notes, href: "https://arxiv.org/abs/2506.10947v1" };
  });
}
