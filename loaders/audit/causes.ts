// Root causes. A finding is a symptom; a cause says what is wrong in the paper, shows the evidence and names
// the findings it explains. Most causes are corrections (a printed label replaced by the reading the paper's
// other numbers imply): the checks are re-run with each correction added in turn, and the findings that
// disappear are the ones it explains; a correction that would create a new finding is reported, not hidden.
// Other causes (a copy in the text, a reading the paper leaves open, a deliberate change) name their findings
// by what they compare. Findings no cause explains stay on their own.
import {halfUnit} from "../paper-printed.js";
import type {PaperNumber} from "../paper-tidy.js";
import {ARXIV_V1, PAPER_VERSION_KEYS, PREPRINT, versionLabel} from "../../src/lib/paper-vocabulary.js";
import {round, versionOrder} from "./auditor.js";
import {applyOverrides, oneDecimal, type Override} from "./corrections.js";
import {tidyPdfLinks} from "./reach.js";
import {reconstructFigure7, sumK, type PanelReading} from "./figure7-reconstruction.js";
import {SUBSET_LABEL, SUBSETS} from "./figure7-panels.js";
import {table1, table3} from "./paper-places.js";
import type {Cause, Evidence, Finding, Severity, Status} from "./types.js";

export interface CauseSpec {
  id: string;
  title: string;
  status: Status;
  severity: Severity;
  summary: string;
  headline: {touches: boolean; why: string};
  evidence: Evidence[];
  /** Cells replaced by the consistent reading (a correction cause). */
  overrides?: Override[];
  /** Findings this cause explains without a correction. */
  explains?: (f: Finding) => boolean;
}

const fig7Versions = (numbers: PaperNumber[]) => PAPER_VERSION_KEYS.map((v) => ({v, readings: reconstructFigure7(numbers, v)})).filter((x) => x.readings.length);
const list = (xs: string[]) => (xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

function figure7Causes(numbers: PaperNumber[]): CauseSpec[] {
  const all = fig7Versions(numbers);
  if (!all.length) return [];
  const out: CauseSpec[] = [];
  const rewards = [...new Set(all.flatMap((x) => x.readings.map((r) => r.reward)))];
  for (const reward of rewards) {
    const readings = all.map((x) => x.readings.find((r) => r.reward === reward)).filter((r): r is PanelReading => !!r);
    const r = readings[0];
    const versions = readings.map((x) => versionLabel(x.version));
    const sub = (s: (typeof SUBSETS)[number]) => r.subsets.find((x) => x.subset === s)!;
    const totals0 = numbers.find((n) => n.version === r.version && n.reward === reward && n.metric.startsWith("Fig.7 totals"));
    const totals150 = numbers.find((n) => n.version === r.version && n.reward === reward && n.metric.startsWith("Fig.7 Step150 totals"));
    const sumLine = (when: "printed" | "read") => {
      const size = (s: (typeof SUBSETS)[number]) => (when === "printed" ? sub(s).printed_size : sub(s).size);
      return `Code at step 0: ${size("C->C")} + ${size("C->L")} = ${size("C->C") + size("C->L")}; Lang at step 0: ${size("L->C")} + ${size("L->L")} = ${size("L->C") + size("L->L")}; Code at step 150: ${size("C->C")} + ${size("L->C")} = ${size("C->C") + size("L->C")}; Lang at step 150: ${size("C->L")} + ${size("L->L")} = ${size("C->L") + size("L->L")}`;
    };
    const kLine = (when: "before" | "after") => `${when === "before" ? "Step 0" : "Step 150"}: ${r.subsets.map((s) => `${s[when].k}/${s.size} = ${oneDecimal(s[when].accuracy)}% (printed ${s[when].printed})`).join(", ")}; ${r.subsets.map((s) => s[when].k).join(" + ")} = ${sumK(r, when)} = ${oneDecimal((100 * sumK(r, when)) / r.total)}% of ${r.total} (All printed ${r.all[when].printed})`;
    const ids = (x: PanelReading) => x.subsets.flatMap((s) => [s.size_id, s.before.id, s.after.id]);
    if (r.relabelled_sizes.length) {
      const copied = r.copied_from;
      const printed = r.relabelled_sizes.map((s) => `${SUBSET_LABEL[s]} ${sub(s).printed_size}`);
      const read = r.relabelled_sizes.map((s) => `${SUBSET_LABEL[s]} ${sub(s).size}`);
      out.push({
        id: `figure-7-${reward.replace(/_/g, "-")}-${copied ? "sizes-copied" : "size-label"}`,
        title: copied
          ? `Figure 7, ${reward} panel: ${r.relabelled_sizes.length} subset sizes are the ${copied.reward} panel's (${printed.map((p) => p.split(" ").pop()).join(", ")}); the panel's own totals and accuracies give ${r.relabelled_sizes.map((s) => sub(s).size).join(", ")}`
          : `Figure 7, ${reward} panel: the ${list(r.relabelled_sizes.map((s) => SUBSET_LABEL[s]))} size is printed ${r.relabelled_sizes.map((s) => sub(s).printed_size).join(", ")}; the panel implies ${r.relabelled_sizes.map((s) => sub(s).size).join(", ")}`,
        status: "contradiction", severity: "medium",
        summary: `${list(versions)} print${versions.length > 1 ? "" : "s"} ${list(printed)} in the ${reward} panel. The panel's printed totals (${totals0?.text ?? "?"} at step 0, ${totals150?.text ?? "?"} at step 150) leave one size free, and only ${list(read)} make every printed accuracy a whole number of problems (k/n). ${copied ? `The printed sizes are exactly the ${copied.reward} panel's, so they were most likely copied from it.` : "A single mislabelled size."} Table 2, computed from the real counts, is not affected (see the Table 2 reproduction).`,
        headline: {touches: false, why: "Figure 7 labels; the gains and Table 2 do not change."},
        evidence: [
          {text: `As printed: ${sumLine("printed")} (totals ${totals0?.text ?? "?"}; ${totals150?.text ?? "?"}).`, ids: [...(totals0 ? [totals0.id] : []), ...(totals150 ? [totals150.id] : []), ...r.relabelled_sizes.map((s) => sub(s).size_id)]},
          {text: `Consistent reading: ${sumLine("read")}.`, ids: r.relabelled_sizes.map((s) => sub(s).size_id)},
          {text: kLine("before"), ids: ids(r)},
          {text: kLine("after"), ids: ids(r)},
          ...(copied ? [{text: `The ${copied.reward} panel prints ${copied.subsets.map((s) => `${SUBSET_LABEL[s]} ${sub(s).printed_size}`).join(", ")}: the same numbers.`, ids: []}] : []),
          ...(r.alternatives.length ? [{text: `${r.alternatives.length} other size readings fit the labels as well: the reading is not unique.`, ids: []}] : []),
        ],
        overrides: readings.flatMap((x) => x.relabelled_sizes.map((s) => ({id: x.subsets.find((y) => y.subset === s)!.size_id, text: String(x.subsets.find((y) => y.subset === s)!.size)}))),
      });
    }
    if (r.relabelled_accuracies.length) {
      const labels = r.relabelled_accuracies.map(({subset, when}) => ({subset, when, c: sub(subset)[when], n: sub(subset).size}));
      const delta = (subset: (typeof SUBSETS)[number]) => numbers.find((n) => n.version === r.version && n.reward === reward && n.metric.startsWith(`Fig.7 subset ${subset}: accuracy`) && n.quantity === "delta");
      out.push({
        id: `figure-7-${reward.replace(/_/g, "-")}-accuracy-label`,
        title: `Figure 7, ${reward} panel: ${labels.map((l) => `${SUBSET_LABEL[l.subset]} accuracy at ${l.when === "before" ? "step 0" : "step 150"} is printed ${l.c.printed}; the panel's total and printed change give ${oneDecimal(l.c.accuracy)} (${l.c.k}/${l.n})`).join("; ")}`,
        status: "contradiction", severity: "low",
        summary: `Even with the consistent subset sizes, ${list(labels.map((l) => `${l.c.printed}%`))} ${labels.length > 1 ? "are" : "is"} not a whole number of problems. The panel's All accuracy fixes the count, and the change printed next to the label agrees with it: a typo in one accuracy label (${list(versions)}).`,
        headline: {touches: false, why: "one Figure 7 label."},
        evidence: labels.flatMap((l) => {
          const d = delta(l.subset);
          const before = sub(l.subset).before;
          return [
            {text: `${l.c.printed}% of ${l.n} = ${round((Number(l.c.printed) * l.n) / 100, 2)} problems: not a whole count.`, ids: [l.c.id]},
            {text: `All at ${l.when === "before" ? "step 0" : "step 150"}: ${r.all[l.when].printed}% of ${r.total} = ${r.all[l.when].k}; minus the other subsets' ${r.subsets.filter((s) => s.subset !== l.subset).map((s) => s[l.when].k).join(" + ")} leaves ${l.c.k} → ${l.c.k}/${l.n} = ${oneDecimal(l.c.accuracy)}%.`, ids: [r.all[l.when].id]},
            ...(d && l.when === "after" ? [{text: `Printed change: ${before.printed} + ${d.text.replace(/^\+/, "")} = ${round(Number(before.printed) + (d.value as number), 1)}.`, ids: [d.id, before.id]}] : []),
          ];
        }),
        overrides: readings.flatMap((x) => x.relabelled_accuracies.map(({subset, when}) => ({id: x.subsets.find((y) => y.subset === subset)![when].id, text: oneDecimal(x.subsets.find((y) => y.subset === subset)![when].accuracy)}))),
      });
    }
  }
  // a copy is corrected first: the copied sizes also make the other panel's numbers look repeated
  const rank = (c: CauseSpec) => (c.id.endsWith("sizes-copied") ? 0 : c.id.endsWith("size-label") ? 1 : 2);
  return out.sort((x, y) => rank(x) - rank(y));
}

function table1Causes(numbers: PaperNumber[]): CauseSpec[] {
  // Table 1 against the untrained model's responses as Figure 7's ground-truth panel splits them (its labels are whole counts)
  const overrides: Override[] = [];
  const evidence: Evidence[] = [];
  const versions: string[] = [];
  let printed = "", implied = "", k = 0, n = 0;
  for (const {v, readings} of fig7Versions(numbers)) {
    const gt = readings.find((r) => r.reward === "ground_truth" && r.relabelled_sizes.length === 0 && r.relabelled_accuracies.length === 0);
    const cell = table1(numbers, v, "Qwen2.5-Math-7B", "Acc. w/ Lang");
    if (!gt || !cell) continue;
    const lang = gt.subsets.filter((s) => s.subset === "L->C" || s.subset === "L->L");
    k = lang.reduce((t, s) => t + s.before.k, 0); n = lang.reduce((t, s) => t + s.size, 0);
    const acc = (100 * k) / n;
    if (Math.abs(acc - (cell.value as number)) <= halfUnit(cell.decimals) + 1e-9) continue;
    overrides.push({id: cell.id, text: oneDecimal(acc)});
    versions.push(versionLabel(v));
    printed = cell.text; implied = oneDecimal(acc);
    if (evidence.length) continue;
    const code = gt.subsets.filter((s) => s.subset === "C->C" || s.subset === "C->L");
    const kc = code.reduce((t, s) => t + s.before.k, 0), nc = code.reduce((t, s) => t + s.size, 0);
    const freq = table1(numbers, v, "Qwen2.5-Math-7B", "Code Frequency"), accCode = table1(numbers, v, "Qwen2.5-Math-7B", "Acc. w/ Code");
    const sec1 = numbers.find((x) => x.version === ARXIV_V1 && x.metric === "Sec.1 accuracy with code vs without code");
    const fig1 = numbers.find((x) => x.version === v && x.place === "Figure 1" && x.model === "Qwen2.5-Math-7B" && x.quantity === "before");
    evidence.push(
      {text: `Figure 7, ground-truth panel, step 0 (every label a whole count): Lang→Code ${lang[0].before.k}/${lang[0].size} + Lang→Lang ${lang[1].before.k}/${lang[1].size} = ${k}/${n} = ${oneDecimal(acc)}% without code; Code→Code ${code[0].before.k}/${code[0].size} + Code→Lang ${code[1].before.k}/${code[1].size} = ${kc}/${nc} = ${oneDecimal((100 * kc) / nc)}% with code (Table 1: ${accCode?.text ?? "?"}); ${nc}/${gt.total} = ${oneDecimal((100 * nc) / gt.total)}% code (Table 1: ${freq?.text ?? "?"}).`, ids: [cell.id, ...lang.flatMap((s) => [s.size_id, s.before.id])]},
      {text: `${cell.text}% of ${n} responses = ${round(((cell.value as number) * n) / 100, 2)}: not a whole count.`, ids: [cell.id]},
      ...(freq && accCode && fig1 ? [{text: `Overall accuracy: ${freq.text}% × ${accCode.text} + ${oneDecimal(100 - (freq.value as number))}% × ${oneDecimal(acc)} = ${round(((freq.value as number) * (accCode.value as number) + (100 - (freq.value as number)) * acc) / 100, 2)} ≈ Figure 1 baseline ${fig1.text}; with ${cell.text} it is ${round(((freq.value as number) * (accCode.value as number) + (100 - (freq.value as number)) * (cell.value as number)) / 100, 2)}.`, ids: [freq.id, accCode.id, fig1.id]}] : []),
      ...(sec1 ? [{text: `arXiv v1 Sec. 1 prints “${sec1.text}” (with code vs without): the 28.0 of the consistent reading.`, ids: [sec1.id]}] : []),
    );
  }
  if (!overrides.length) return [];
  return [{
    id: "table-1-accuracy-without-code",
    title: `Table 1: Qwen2.5-Math-7B's accuracy without code is printed ${printed}; Figure 7 and the text give ${implied} (${k}/${n})`,
    status: "contradiction", severity: "medium",
    summary: `${list(versions)} print${versions.length > 1 ? "" : "s"} Acc. w/ Lang ${printed} in Table 1. Its own code share and accuracy with code match Figure 7's step-0 counts exactly, and those counts give ${implied} without code, which arXiv v1's Sec. 1 also prints and which makes Table 1 average to the Figure 1 baseline. A third-party summary of arXiv v2 still reports the same disagreement.`,
    headline: {touches: false, why: "the abstract's 65% is Table 1's code share, which is consistent; the accuracy without code is body text."},
    evidence,
    overrides,
    explains: (f) => f.check === "same-quantity" && f.id.includes("noted-table-1"),
  }];
}

function staleQuoteCauses(numbers: PaperNumber[], fixedTable1: PaperNumber[]): CauseSpec[] {
  const metrics = ["Sec.1 accuracy with code vs without code", "App.B.1.3 accuracy with code vs without"];
  const overrides: Override[] = [];
  const where: string[] = [];
  let printed = "", read = "";
  for (const n of numbers.filter((x) => metrics.includes(x.metric) && x.quantity === "value" && x.source_kind === "paper")) {
    const code = table1(fixedTable1, n.version, "Qwen2.5-Math-7B", "Acc. w/ Code"), lang = table1(fixedTable1, n.version, "Qwen2.5-Math-7B", "Acc. w/ Lang");
    if (!code || !lang || n.values.length < 2) continue;
    const off = Math.abs(n.values[0] - (code.value as number)) > 0.55 || Math.abs(n.values[1] - (lang.value as number)) > 0.55;
    if (!off) continue;
    read = `${code.text} vs ${lang.text}`;
    printed = n.text;
    overrides.push({id: n.id, text: read});
    where.push(`${versionLabel(n.version)} ${n.place}`);
  }
  if (!overrides.length) return [];
  return [{
    id: "stale-accuracy-quotes",
    title: `The text quotes ${printed.replace(" vs ", "% and ")}% for accuracy with and without code (${list(where)}); Table 1 and Figure 7 give ${read.replace(" vs ", "% and ")}%`,
    status: "contradiction", severity: "low",
    summary: `An earlier measurement left in the text: arXiv v1 updated Sec. 1 to 60.9% and 28.0% but kept ${printed.replace(" vs ", "% and ")}% in App. B.1.3.`,
    headline: {touches: false, why: "body text."},
    evidence: [{text: `Replaced by ${read} (Table 1 with code; Figure 7's count without code), the quotes agree with Table 1 and with each other across versions.`, ids: overrides.map((o) => o.id)}],
    overrides,
  }];
}

function preprintFixedInV1(numbers: PaperNumber[]): CauseSpec[] {
  const out: CauseSpec[] = [];
  const a = (pred: (n: PaperNumber) => boolean) => numbers.find((n) => n.version === PREPRINT && pred(n));
  const b = (pred: (n: PaperNumber) => boolean) => numbers.find((n) => n.version === ARXIV_V1 && pred(n));
  // abstract code frequency 66.7 → 65
  const absA = a((n) => n.metric === "code reasoning frequency (abstract)" && n.quantity === "before");
  const absB = b((n) => n.metric === "code reasoning frequency (abstract)" && n.quantity === "before");
  const t1 = table1(numbers, PREPRINT, "Qwen2.5-Math-7B", "Code Frequency");
  if (absA && absB && t1 && Math.abs((absA.value as number) - (t1.value as number)) > halfUnit(absA.decimals) + halfUnit(t1.decimals)) {
    out.push({
      id: "preprint-abstract-code-frequency",
      title: `Preprint abstract: code reasoning “from ${absA.text}%”; its Table 1 and Figure 7 say ${t1.text}% (325/500), as the v1 abstract does (${absB.text}%)`,
      status: "contradiction", severity: "low",
      summary: `The May 2025 preprint's abstract gives ${absA.text}% for the share of code-reasoning answers before RLVR; its body (Table 1, Sec. 4.1 and 4.2, Figure 7's 325 of 500) says ${t1.text}%. arXiv v1 corrects the abstract to ${absB.text}%.`,
      headline: {touches: true, why: "the abstract's code-reasoning share (65% in v1 and v2) is a headline number; only the preprint's value is off."},
      evidence: [{text: `Table 1 Code Frequency ${t1.text}; Figure 7 Code at step 0: 325 of 500 = 65.0%; v1 abstract ${absB.text}%.`, ids: [absA.id, t1.id, absB.id]}],
      overrides: [{id: absA.id, text: absB.text}],
    });
  }
  // Table 3 "Original" column
  const models = [...new Set(numbers.filter((n) => n.place === "Table 3" && n.version === PREPRINT).map((n) => n.model))];
  const t3over: Override[] = [];
  const changed: string[] = [];
  for (const m of models) {
    for (const q of ["before", "after", "delta"] as const) {
      const x = table3(numbers, PREPRINT, m, q), y = table3(numbers, ARXIV_V1, m, q);
      if (x && y && x.text !== y.text) { t3over.push({id: x.id, text: y.text}); if (q === "before") changed.push(`${m} ${x.text} → ${y.text}`); }
    }
  }
  if (t3over.length) {
    const m7a = table3(numbers, PREPRINT, "Qwen2.5-Math-7B", "delta"), m7b = table3(numbers, ARXIV_V1, "Qwen2.5-Math-7B", "delta");
    out.push({
      id: "preprint-table-3-original",
      title: "Preprint Table 3: the “Original” accuracies are not the baselines the rest of the preprint prints; arXiv v1 replaces them",
      status: "contradiction", severity: "medium",
      summary: `In the preprint, Table 3's “Original” column differs from Figure 1's baselines for the same models and from what Table 1 averages to. arXiv v1 prints new Original values (${changed.length} models: ${changed.join("; ")}) that match both${t3over.some((o) => numbers.find((n) => n.id === o.id)?.quantity === "after") ? "" : ", with the prompting column unchanged"}; the printed differences change with them (Qwen2.5-Math-7B ${m7a?.text ?? "?"} → ${m7b?.text ?? "?"}, quoted in Sec. 4.3).`,
      headline: {touches: false, why: "the prompting experiment, not the RLVR gains."},
      evidence: [
        {text: `v1 Original = Figure 1 baselines: Qwen2.5-Math-7B 49.4, Qwen2.5-7B 41.6, Llama3.1-8B-Instruct 36.8, OLMo2-7B 9.0.`, ids: t3over.map((o) => o.id)},
        {text: `Table 1 averages: Qwen2.5-Math-1.5B 53.6% × 52.6 + 46.4% × 17.2 = 36.2 (v1 Original 36.2, preprint 34.8); OLMo2-7B-SFT 98.0% × 21.0 + 2.0% × 40.0 = 21.4 (v1 21.4, preprint 20.4).`, ids: []},
      ],
      overrides: t3over,
    });
  }
  // Table 2 Qwen2.5-7B Code→Code
  const cA = a((n) => n.place === "Table 2" && n.model === "Qwen2.5-7B" && n.metric === "Table 2 C_Code->Code");
  const cB = b((n) => n.place === "Table 2" && n.model === "Qwen2.5-7B" && n.metric === "Table 2 C_Code->Code");
  if (cA && cB && cA.text !== cB.text) {
    out.push({
      id: "preprint-table-2-qwen2-5-7b",
      title: `Preprint Table 2: Qwen2.5-7B's Code→Code share is printed ${cA.text}% (the shares add up to 104.8%); arXiv v1 prints ${cB.text}% (100.0%)`,
      status: "contradiction", severity: "low",
      summary: `A misprint in the preprint's Table 2, corrected in v1.`,
      headline: {touches: false, why: "Table 2, Qwen2.5-7B column."},
      evidence: [{text: `${cA.text} + 93.9 + 0.0 + 5.9 = 104.8; ${cB.text} + 93.9 + 0.0 + 5.9 = 100.0.`, ids: [cA.id, cB.id]}],
      overrides: [{id: cA.id, text: cB.text}],
    });
  }
  return out;
}

function readingCauses(numbers: PaperNumber[]): CauseSpec[] {
  const smoothing = numbers.find((n) => n.file === "setup" && n.version === PREPRINT && /smoothing/.test(n.metric));
  return [
    {
      id: "v1-amc-gains-copied",
      title: "arXiv v1 Sec. 2.3 gives the MATH-500 gains (13.8, 24.1, 21.4) as the AMC gains of format, incorrect and random rewards",
      status: "contradiction", severity: "high",
      summary: "The preprint's sentence says AMC gains are “∼ 18%” for format, incorrect and random rewards and “∼25%” for majority vote and ground truth. In arXiv v1 the same sentence prints 13.8%, 24.1% and 21.4% — Figure 1's MATH-500 gains, key by key — and “∼ 27%–29%”, which brackets Figure 1's MATH-500 majority-vote (+27.1) and ground-truth (+29.1) gains. No AMC number in the paper supports them; the AMC curves (Figure 2) will tell the real values.",
      headline: {touches: true, why: "reuses the headline +21.4 (MATH-500, random reward) as an AMC gain; the MATH-500 headline itself is not contradicted."},
      evidence: [
        {text: "v1 Figure 1, Qwen2.5-Math-7B, MATH-500: format +13.8, incorrect +24.1, random +21.4, majority vote +27.1, ground truth +29.1.", ids: []},
        {text: "v1 Sec. 2.3, AMC: “a gain of 13.8%, 24.1%, or 21.4%, respectively, approaching the ∼ 27%–29% improvement”.", ids: []},
        {text: "Preprint Sec. 2.3, AMC: “a ∼ 18% gain, approaching the ∼25% improvement gain”.", ids: []},
      ],
      explains: (f) => (f.check === "copied-sequence" && /AMC/.test(`${f.a.label} ${f.b.label}`)) || (f.check === "textual-claim" && f.versions.includes(ARXIV_V1) && /textual-claim-b-sec23-amc/.test(f.id)),
    },
    {
      id: "figure-1-smoothed-vs-figure-7-step",
      title: "Preprint: Figure 1 gains after 150 steps differ from Figure 7's gains at step 150 (random +21.4 vs +15.6, format +16.4 vs +22.0)",
      status: "judgement", severity: "medium",
      summary: `Both figures describe the same runs at step 150. App. A.5 says reported values are the 10-step smoothed value at the last step${smoothing ? ` (“${smoothing.text}”)` : ""}, while Figure 7 evaluates the checkpoint at step 150; a noisy run can differ by a few points between the two. Whether the gaps are smoothing or different runs, the paper does not say: a judgement call, to be settled with the curves of Figure 2.`,
      headline: {touches: true, why: "the random-reward gain +21.4 is the headline number; Figure 7 shows +15.6 for the same run at the same step."},
      evidence: [{text: "Ground truth agrees exactly (+28.8 in both); majority vote 26.5 vs 27.0, incorrect 24.6 vs 24.2, format 16.4 vs 22.0, random 21.4 vs 15.6.", ids: smoothing ? [smoothing.id] : []}],
      explains: (f) => f.check === "figure-vs-figure",
    },
    {
      id: "random-gamma-range",
      title: "Sec. 4.4.2: “improvements of 15-20 percentage points” for every γ, while the γ = 0.5 run gains +21.4 (Figure 1) and “∼ 21%” (same section)",
      status: "judgement", severity: "low",
      summary: "γ = 0.5 is the main random-reward run (Sec. 2.2). Its printed gain is above the range the text gives for all γ; Figure 10 may show a different horizon or evaluation, so this is a judgement call until Figure 10's curves are read.",
      headline: {touches: true, why: "the range excludes the headline +21.4."},
      evidence: [],
      explains: (f) => f.check === "textual-claim" && /sec442-gamma-range/.test(f.id),
    },
    {
      id: "figure-9-panel-reference",
      title: "Sec. 4.3 cites Figure 9c for the format reward; Figure 9c is the ground-truth panel (format is 9a)",
      status: "contradiction", severity: "low",
      summary: "Both versions print “(Figure 9c)” for the format reward paired with the no-code reward; Figure 9's panels are (a) Format w/o Python, (b) Incorrect w/o Python, (c) Ground Truth w/o Python. The appendix's Figure 15 (preprint) orders them Ground Truth, Incorrect, Format, which may be where “c” came from.",
      headline: {touches: false, why: "a cross-reference."},
      evidence: [],
      explains: (f) => f.check === "textual-claim" && /sec43-panel-format/.test(f.id),
    },
    {
      id: "figure-1-training-length",
      title: "Figure 1 moved from 150 training steps (preprint) to 300 (arXiv v1): its gains are different quantities in the two versions",
      status: "change", severity: "low",
      summary: "A deliberate change: the v1 abstract's +29.1 (ground truth) is after 300 steps, the preprint's +28.8 after 150; the random reward's +21.4 is printed at both lengths. Figure 1 gains are therefore not compared across versions (see /rewards for the side-by-side comparison).",
      headline: {touches: true, why: "the headline gains are Figure 1's."},
      evidence: [],
      explains: (f) => f.check === "cross-version" && f.places.includes("Figure 1") && f.unit === "steps",
    },
    {
      id: "claims-await-curves",
      title: "Claims about training curves: no printed number to check them against",
      status: "note", severity: "low",
      summary: "These sentences describe the training curves (code frequency “around 90% in the first 15 steps”, “within the first 50 steps”, AMC and AIME gains, “> 99%” after 20 steps). The text prints no number they can be checked against. The May 2025 preprint’s statements are checked against its curves, recovered from the PDF (“Checked against the training curves”, below); arXiv v1’s and v2’s figures cannot be read, so theirs stay unchecked.",
      headline: {touches: false, why: "the abstract's “over 90%” is checked against Sec. 4.2's 95.6%; the rest are statements about curves, not headline numbers."},
      evidence: [],
      explains: (f) => f.check === "textual-claim" && f.status === "note",
    },
  ];
}

/** Every cause the paper's numbers support, in the order their corrections are applied. */
export function causeSpecs(numbers: PaperNumber[]): CauseSpec[] {
  const fig7 = figure7Causes(numbers);
  const t1 = table1Causes(numbers);
  const fixedT1 = applyOverrides(numbers, t1.flatMap((c) => c.overrides ?? []));
  return [...fig7, ...t1, ...staleQuoteCauses(numbers, fixedT1), ...preprintFixedInV1(numbers), ...readingCauses(numbers)];
}

/** Per-version ids a finding stands for (its own id, or the ids it merges). */
export const perVersionIds = (f: Finding) => (f.aliases.length ? f.aliases : [f.id]);

const STATUS_RANK: Record<Status, number> = {contradiction: 0, judgement: 1, change: 2, note: 3, confirmed: 4};
const SEVERITY_RANK: Record<Severity, number> = {high: 0, medium: 1, low: 2};

/**
 * Assign findings to causes. `run` re-runs the numeric checks on corrected numbers and returns their findings.
 * Returns the causes (with their findings) and the findings with `cause` set; `introduced` lists findings a
 * correction would create (a cause that does that is a worse reading, and a test keeps this list empty).
 */
export function assignCauses(numbers: PaperNumber[], findings: Finding[], specs: CauseSpec[], run: (n: PaperNumber[]) => Finding[], base: Finding[] = run(numbers)):
  {causes: Cause[]; findings: Finding[]; introduced: {cause: string; id: string}[]} {
  const baseIds = new Set(base.flatMap(perVersionIds));
  const explainedBy = new Map<string, string>(); // per-version id -> cause
  const introduced: {cause: string; id: string}[] = [];
  let overrides: Override[] = [];
  let present = new Set(baseIds);
  for (const spec of specs) {
    if (!spec.overrides?.length) continue;
    overrides = [...overrides, ...spec.overrides];
    const now = new Set(run(applyOverrides(numbers, overrides)).flatMap(perVersionIds));
    for (const id of present) if (!now.has(id) && !explainedBy.has(id)) explainedBy.set(id, spec.id);
    for (const id of now) if (!baseIds.has(id)) introduced.push({cause: spec.id, id});
    present = now;
  }
  const assigned = findings.map((f) => {
    const ids = perVersionIds(f);
    const byCorrection = ids.every((id) => explainedBy.has(id)) ? explainedBy.get(ids[ids.length - 1]) ?? null : null;
    const byRule = specs.find((s) => s.explains?.(f))?.id ?? null;
    return {...f, cause: byCorrection ?? byRule};
  });
  const causes: Cause[] = specs.map((s) => {
    const mine = assigned.filter((f) => f.cause === s.id);
    const versions = [...new Set(mine.flatMap((f) => f.versions))].sort((x, y) => versionOrder(x) - versionOrder(y));
    const uniq = <T extends {path: string}>(xs: T[]) => xs.filter((x, i) => xs.findIndex((y) => y.path === x.path) === i);
    return {
      id: s.id, title: s.title, status: s.status, severity: s.severity, summary: s.summary, evidence: s.evidence,
      findings: mine.map((f) => f.id), versions, version_labels: versions.map(versionLabel),
      places: [...new Set(mine.flatMap((f) => f.places))],
      headline: {touches: s.headline.touches || mine.some((f) => f.touches_headline), why: s.headline.why},
      pages: uniq(mine.flatMap((f) => f.pages)), pdf: tidyPdfLinks(mine.flatMap((f) => f.pdf)),
    };
  }).filter((c) => c.findings.length > 0)
    .sort((x, y) => STATUS_RANK[x.status] - STATUS_RANK[y.status] || SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] || y.findings.length - x.findings.length);
  // a finding takes its cause's severity; one on its own keeps its check's default
  const sev = new Map(causes.map((c) => [c.id, c.severity]));
  return {causes, findings: assigned.map((f) => ({...f, severity: (f.cause && sev.get(f.cause)) || f.severity})), introduced};
}
