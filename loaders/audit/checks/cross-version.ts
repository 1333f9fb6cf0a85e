// The same printed quantity in consecutive paper versions.
import {halfUnit, printedDecimals} from "../../paper-printed.js";
import type {PaperNumber} from "../../paper-tidy.js";
import {PAPER_VERSION_KEYS, versionLabel} from "../../../src/lib/paper-vocabulary.js";
import {Auditor, EPS, letter, side, slug} from "../auditor.js";

const PAPER_VERSIONS: readonly string[] = PAPER_VERSION_KEYS;

const HORIZON_PLACES = new Set(["Figure 1", "Sec.2.3"]);

export function checkCrossVersion(au: Auditor, numbers: PaperNumber[]): void {
  const keyOf = (n: PaperNumber) => [n.file, n.model, n.reward_raw, n.benchmark, n.metric, n.condition, n.quantity, n.place].join("\u241f");
  const groups = new Map<string, PaperNumber[]>();
  for (const n of numbers) {
    if (n.version.startsWith("repo") || n.kind === "text" || n.status === "unresolved") continue;
    groups.set(keyOf(n), [...(groups.get(keyOf(n)) ?? []), n]);
  }
  let horizonSkipped = 0, followsFromBefore = 0;
  const byCell = new Map(numbers.map((x) => [`${x.file}#${x.row}.${x.quantity}`, x]));
  const sibling = (n: PaperNumber, q: string) => byCell.get(`${n.file}#${n.row}.${q}`);
  const changed = (p?: PaperNumber, c?: PaperNumber) =>
    !!p && !!c && p.value !== null && c.value !== null && Math.abs((p.value as number) - (c.value as number)) > halfUnit(p.decimals) + halfUnit(c.decimals) + EPS;
  const unchanged = (p?: PaperNumber, c?: PaperNumber) =>
    !!p && !!c && p.value !== null && c.value !== null && !changed(p, c);
  for (const g of groups.values()) {
    const byVersion = PAPER_VERSIONS.map((v) => g.find((n) => n.version === v)).filter((n): n is PaperNumber => !!n);
    for (let i = 1; i < byVersion.length; i++) {
      const prev = byVersion[i - 1], cur = byVersion[i];
      // Figure 1 / Sec. 2.3 gains moved from 150 to 300 training steps between the preprint and v1
      if (prev.version.startsWith("A") && cur.file === "main_results" && HORIZON_PLACES.has(cur.place) && cur.quantity !== "before") { horizonSkipped++; continue; }
      if (prev.values.length !== cur.values.length) continue;
      // a printed difference that moved only because "before" moved (and "after" did not) is one change, reported as "before"
      if (cur.quantity === "delta" && changed(sibling(prev, "before"), sibling(cur, "before")) && unchanged(sibling(prev, "after"), sibling(cur, "after"))) { followsFromBefore++; continue; }
      const dp = printedDecimals(prev.text), dc = printedDecimals(cur.text);
      cur.values.forEach((v, j) => {
        const multi = cur.values.length > 1;
        au.compare({
          id: slug("cross-version", letter(prev.version), letter(cur.version), cur.place, cur.model, cur.reward,
            slug(cur.metric.replace(/^(Table|Fig\.?|Figure)\s?\d+\s*/, "")).slice(0, 32), cur.quantity, multi ? `p${j + 1}` : ""),
          check: "cross-version", status: "change",
          title: `${cur.place}${cur.model ? `, ${cur.model}` : ""}: ${cur.metric}${cur.quantity !== "value" ? ` (${cur.quantity})` : ""}${multi ? `, number ${j + 1}` : ""} changed between ${versionLabel(prev.version)} and ${versionLabel(cur.version)}`,
          model: cur.model, reward: cur.reward,
          a: side(cur, versionLabel(cur.version), {value: v, shown: multi ? String(v) : cur.text}),
          b: side(prev, versionLabel(prev.version), {value: prev.values[j], shown: multi ? String(prev.values[j]) : prev.text}),
          // setup rows carry no unit column; a step count is in steps
          tolerance: halfUnit(dp[j] ?? 0) + halfUnit(dc[j] ?? 0), unit: cur.unit || (cur.file === "setup" && /\bsteps\b/i.test(cur.metric) ? "steps" : ""),
          explanation: "The same quantity, at the same place of the paper, is printed with a different value in a later version.",
        });
      });
    }
  }
  if (followsFromBefore) au.skip("cross-version", `${followsFromBefore} printed differences (after − before) that changed only because "before" changed while "after" did not: each is reported once, as the change of "before"`);
  if (horizonSkipped) au.skip("cross-version", `${horizonSkipped} Figure 1 / Sec. 2.3 gains: the preprint trains 150 steps, v1 300 steps, so they are different quantities (see /rewards for the comparison)`);
}

