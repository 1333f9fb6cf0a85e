// Which check of the recovered curves (loaders/figures/text-checks.ts, ids "text-…") reads each textual claim
// about a figure (data/paper/added/textual-claims.csv): the audit's note on such a claim points to that check
// instead of waiting for curves that are now read. Only May 2025 preprint claims: the curves are the preprint's,
// and arXiv v1/v2 number and word their figures differently. Static, so every audit output agrees without
// parsing the PDF; test/unit/figures-checks.test.ts holds it equal to the claim ids the checks name.
export const PREPRINT_CLAIM_CHECKS: Readonly<Record<string, string>> = {
  "sec23-within-50-steps": "text-gains-within-50-steps",
  "sec23-math15b-amc": "text-math15b-random-amc",
  "sec23-amc-spurious": "text-amc-spurious-18",
  "sec23-amc-majority-ground-truth": "text-amc-standard-25",
  "sec23-aime25-range": "text-aime25-range",
  "sec42-code-15-steps": "text-code-90-in-15-steps",
  "sec42-random-code-end": "text-random-code-95-6",
  "sec43-python-reward-99": "text-python-reward-99",
};
