// The preprint's text against its own curves: every sentence that states a number or a trend a recovered curve
// shows (a gain, a range, "within N steps", "as high as") becomes a finding with the quoted text, its locator, the
// transcription it repeats (data/paper ids, textual-claims ids) and the curve values it corresponds to. Status:
// confirmed, contradiction, or undecidable (the curve lacks the vertices or the quantity the text needs, or the
// text does not say which step). Quotes are verbatim from the preprint PDF; printed values are never rounded.
// Pure.
import type {Recovery} from "./recover.js";
import type {Finding} from "./checks.js";

const PREPRINT = "A_preprint_2025-05-27";
type Series = Map<number, number>;
type Get = (figure: number, panel: string, series: string, kind?: "raw" | "smoothed") => Series;

const pts = (v: number) => Math.round(v * 1000) / 10; // 0.782 → 78.2 points (the curves carry 3–6 decimals)
const pct = (v: number) => pts(v).toFixed(1);
const signed = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)}`;
const lastStep = (s: Series) => Math.max(...s.keys());
const maxOf = (s: Series, until = Infinity) => [...s].filter(([k]) => k <= until).reduce((b, [k, v]) => (v > b.value ? {step: k, value: v} : b), {step: -1, value: -Infinity});
/** Mean of the raw values at steps a..b, or null when a vertex is missing (the plotter dropped it; none is invented). */
function windowMean(s: Series, a: number, b: number): number | null {
  let sum = 0;
  for (let k = a; k <= b; k++) {
    const v = s.get(k);
    if (v === undefined) return null;
    sum += v;
  }
  return sum / (b - a + 1);
}
/** The last vertex at or before `step` (its step is reported with the value). */
function lastVertexUpTo(s: Series, step: number): {step: number; value: number} | null {
  const k = [...s.keys()].filter((x) => x <= step).sort((a, b) => b - a)[0];
  return k === undefined ? null : {step: k, value: s.get(k)!};
}

function getter(r: Recovery): Get {
  const m = new Map<string, Series>();
  for (const c of r.curves) {
    const k = `${c.figure}|${c.panel}|${c.series}|${c.kind}`;
    if (!m.has(k)) m.set(k, new Map());
    m.get(k)!.set(c.step, c.value);
  }
  return (figure, panel, series, kind = "raw") => {
    const s = m.get(`${figure}|${panel}|${series}|${kind}`);
    if (!s) throw new Error(`text checks: Figure ${figure} “${panel}” has no ${kind} “${series}” series`);
    return s;
  };
}

const FIG2 = "Figure 2 (p.3)", FIG6 = "Figure 6 (p.8) “(a) Code Frequencies” (Qwen2.5-Math-7B)", FIG13 = "Figure 13 (p.25)";
const REWARDS = ["Ground Truth", "Majority Vote", "Incorrect", "Format", "Random"] as const;
/** The paper's own reading of the preprint Figure 1 labels (figure1-label-rule): mean of steps 141–150 − step 0. */
const GAIN_AT_150 = "mean of the raw values at steps 141–150 − the raw value at step 0 (the rule that reproduces the preprint's Figure 1 labels)";

function finding(id: string, title: string, status: Finding["status"], locators: string[], values: Finding["values"], detail: string): Finding {
  return {id: `text-${id}`, title, status, versions: [PREPRINT], locators, values, detail};
}

/** Gain by the Figure 1 rule, or null where the window lacks a vertex; with the raw step-150 gain beside it. */
function gain150(s: Series): {rule: number | null; raw150: number | null} {
  const v0 = s.get(0)!;
  const m = windowMean(s, 141, 150), raw = s.get(150);
  return {rule: m === null ? null : pts(m - v0), raw150: raw === undefined ? null : pts(raw - v0)};
}

export function textChecks(r: Recovery): Finding[] {
  const get = getter(r);
  const out: Finding[] = [];
  const code = (series: string, kind: "raw" | "smoothed" = "raw") => get(6, "(a) Code Frequencies", series, kind);

  // Sec. 4.2: the starting code frequency, and the abstract's different one
  const starts = REWARDS.map((s) => code(s).get(0)!);
  const start = pts(starts[0]);
  const sameStart = starts.every((v) => v === starts[0]);
  out.push(finding("code-start",
    `Sec. 4.2: “prior to RLVR training, Qwen2.5-Math-7B exhibits a high rate of 65.0% code reasoning solutions”; Figure 6(a)'s curves all start at ${start.toFixed(1)}%`,
    sameStart && start === 65 ? "confirmed" : "contradiction",
    ["Sec. 4.2 (p.7), “Performance is correlated with code reasoning frequency”", FIG6 + ", step 0 of every reward", "Table 1 (p.6) code_reasoning#25 (65.0)"],
    {printed: "65.0", curve_step0: starts[0]},
    `The five reward curves start from the same step-0 evaluation (${starts.join(", ")}).`));
  out.push(finding("abstract-code-start",
    `Abstract: code reasoning “from 66.7% to over 90%”; Figure 6(a)'s curves start at ${start.toFixed(1)}%, as Table 1 and Sec. 4.2 print, not 66.7%`,
    start === 66.7 ? "confirmed" : "contradiction",
    ["Abstract (p.1): “becomes significantly more frequent after RLVR, from 66.7% to over 90%, even with spurious rewards”", "code_reasoning#1 (66.7 → >90); textual claim abstract-code-after", FIG6 + ", step 0"],
    {printed: "66.7", curve_step0: starts[0]},
    "The abstract's starting value is not the curve's; arXiv v1's abstract prints 65% (code_reasoning#2)."));
  const peaks = REWARDS.map((s) => ({s, max: maxOf(code(s)), last: code(s).get(lastStep(code(s)))!, lastStep: lastStep(code(s))}));
  const over90 = peaks.filter((p) => p.max.value > 0.9);
  out.push(finding("abstract-code-over-90",
    `Abstract: code reasoning rises “to over 90%, even with spurious rewards”; in Figure 6(a) ${over90.map((p) => p.s).join(" and ")} pass 90%, the other rewards never do`,
    "undecidable",
    ["Abstract (p.1)", "code_reasoning#1; textual claim abstract-code-after", FIG6 + ", raw values"],
    Object.fromEntries(peaks.map((p) => [`${p.s} max`, pts(p.max.value)])),
    `Highest raw value per reward: ${peaks.map((p) => `${p.s} ${pct(p.max.value)}% (step ${p.max.step}; ${pct(p.last)}% at its last step ${p.lastStep})`).join("; ")}. The abstract names neither a reward nor a step, so the curves cannot decide it; the only spurious reward that stays under 90% throughout is ${peaks.filter((p) => p.max.value <= 0.9 && ["Incorrect", "Format", "Random"].includes(p.s)).map((p) => p.s).join(", ") || "none"}.`));

  // Sec. 4.2: "around 90% in the first 15 steps" for all rewards but random
  const fast = (["Ground Truth", "Majority Vote", "Incorrect", "Format"] as const).map((s) => ({s, at15: code(s).get(15) ?? null, max15: maxOf(code(s), 15)}));
  const random15 = code("Random").get(15) ?? null;
  // "around 90%" read as a value that rounds to 90 at the tens: 85–95
  const around = fast.every((f) => f.at15 !== null && f.at15 >= 0.85 && f.at15 <= 0.95);
  out.push(finding("code-90-in-15-steps",
    `Sec. 4.2: code frequency “quickly increases to around 90% in the first 15 steps” (all rewards but random); Figure 6(a) at step 15: ${fast.map((f) => `${f.s} ${f.at15 === null ? "no vertex" : pct(f.at15)}%`).join(", ")}`,
    fast.some((f) => f.at15 === null) ? "undecidable" : around ? "confirmed" : "contradiction",
    ["Sec. 4.2 (p.7): “After RLVR on all but rewards, the frequency of code reasoning quickly increases to around 90% in the first 15 steps”", "code_reasoning#6 (~90); textual claim sec42-code-15-steps", FIG6 + ", raw values"],
    {printed: "~90", ...Object.fromEntries(fast.map((f) => [`${f.s} step 15`, f.at15 === null ? null : pts(f.at15)])), "Random step 15": random15 === null ? null : pts(random15)},
    `“Around 90%” is read as 85–95%. Highest raw value by step 15: ${fast.map((f) => `${f.s} ${pts(f.max15.value)} (step ${f.max15.step})`).join(", ")}. Random, which the text calls more gradual, is at ${random15 === null ? "no vertex" : pct(random15)}% at step 15.`));

  // Sec. 4.2: random "eventually reaches as high as 95.6%"
  const rnd = maxOf(code("Random"));
  out.push(finding("random-code-95-6",
    `Sec. 4.2: random rewards' code frequency “eventually reaches as high as 95.6%”; Figure 6(a)'s highest raw Random value is ${pct(rnd.value)}% (step ${rnd.step})`,
    pts(rnd.value) === 95.6 ? "confirmed" : "contradiction",
    ["Sec. 4.2 (p.7): “random reward shows a more gradual increase in code frequency, but eventually reaches as high as 95.6%”", "code_reasoning#7 (95.6); textual claim sec42-random-code-end", FIG6 + ", Random, raw"],
    {printed: "95.6", curve_max: rnd.value, step: rnd.step},
    `The printed value is the raw curve's maximum, not its end (${pct(code("Random").get(lastStep(code("Random")))!)}% at step ${lastStep(code("Random"))}).`));

  // Sec. 4.2: ground truth rises sharply, then drops
  const gt = code("Ground Truth", "smoothed"), gtPeak = maxOf(gt), gtEnd = gt.get(lastStep(gt))!;
  out.push(finding("ground-truth-code-drops",
    `Sec. 4.2: with ground truth, code frequency “sharply increases … but gradually drops”; Figure 6(a)'s smoothed Ground Truth line peaks at ${pct(gtPeak.value)}% (step ${gtPeak.step}) and ends at ${pct(gtEnd)}% (step ${lastStep(gt)})`,
    gtPeak.step <= 15 && gtEnd < starts[0] ? "confirmed" : "contradiction",
    ["Sec. 4.2 (p.7): “code reasoning frequency also sharply increases with RLVR training on ground truth labels, but gradually drops as the model’s natural language reasoning accuracy increases”", FIG6 + ", Ground Truth, smoothed"],
    {start: starts[0], peak: gtPeak.value, peak_step: gtPeak.step, end: gtEnd, end_step: lastStep(gt)},
    `Confirmed when the peak comes within the first 15 steps (the horizon of the sentence before) and the line ends below its start (${pct(starts[0])}%).`));

  // Sec. 2.3: gains "within the first 50 steps across all benchmarks", Qwen2.5-Math-1.5B random the exception
  const panels2 = ["Qwen2.5-Math-7B - MATH", "Qwen2.5-Math-7B - AMC@8", "Qwen2.5-Math-1.5B - MATH", "Qwen2.5-Math-1.5B - AMC@8"];
  const at50 = panels2.flatMap((p) => REWARDS.map((s) => {
    const raw = get(2, p, s), v = lastVertexUpTo(raw, 50)!;
    return {p, s, step: v.step, gain: pts(v.value - raw.get(0)!), exception: p.startsWith("Qwen2.5-Math-1.5B") && s === "Random"};
  }));
  const rule = at50.filter((x) => !x.exception), exc = at50.filter((x) => x.exception);
  const least = rule.reduce((a, b) => (b.gain < a.gain ? b : a));
  out.push(finding("gains-within-50-steps",
    `Sec. 2.3: every reward improves the Qwen2.5-Math models “within the first 50 steps across all benchmarks” (Qwen2.5-Math-1.5B with random rewards excepted); in Figure 2 the smallest gain by step 50 is ${signed(least.gain)} points, the exception's ${exc.map((x) => signed(x.gain)).join(" and ")}`,
    least.gain >= 5 && exc.every((x) => x.gain < least.gain) ? "confirmed" : "contradiction",
    ["Sec. 2.3 (p.3–4): “all reward functions, even pathologically designed ones, lead to significant improvements in math performance within the first 50 steps across all benchmarks compared to the untuned baseline. The only exception is that Qwen2.5-Math-1.5B sees gains with random rewards … much slower (after 100 steps)” (a page break between)", "textual claim sec23-within-50-steps", FIG2 + ", MATH-500 and AMC panels, raw"],
    Object.fromEntries(at50.map((x) => [`${x.p} ${x.s}`, x.gain])),
    `Gain = raw value at the last vertex up to step 50 − raw value at step 0, in points. Smallest outside the exception: ${least.p} ${least.s} ${signed(least.gain)} (step ${least.step}). “Significant” is not quantified by the text; confirmed when every gain is at least 5 points and the exception gains less: ${exc.map((x) => `${x.p} Random ${signed(x.gain)} (step ${x.step})`).join(", ")}.`));

  // Sec. 2.3: Qwen2.5-Math-1.5B random on AMC "(only 4.9%)"
  const amc15 = get(2, "Qwen2.5-Math-1.5B - AMC@8", "Random"), g15 = gain150(amc15);
  const lastAmc = lastStep(amc15);
  const endGain = pts(amc15.get(lastAmc)! - amc15.get(0)!);
  const amcExact = [g15.rule, g15.raw150, endGain].some((g) => g !== null && Math.abs(g - 4.9) <= 0.05);
  out.push(finding("math15b-random-amc",
    `Sec. 2.3: Qwen2.5-Math-1.5B gains “less so on AMC (only 4.9%)” with random rewards; Figure 2's AMC curve gains ${g15.rule === null ? "— (a vertex of steps 141–150 is missing)" : signed(g15.rule)} by the Figure 1 rule, ${g15.raw150 === null ? "—" : signed(g15.raw150)} at step 150 and ${signed(endGain)} at step ${lastAmc}`,
    amcExact ? "confirmed" : "undecidable",
    ["Sec. 2.3 (p.3–4): “sees gains with random rewards … much slower (after 100 steps) and less so on AMC (only 4.9%)” (a page break between)", "main_results#32 (+4.9); textual claim sec23-math15b-amc", FIG2 + " “Qwen2.5-Math-1.5B - AMC@8”, Random, raw"],
    {printed: "4.9", gain_rule_150: g15.rule, gain_raw_150: g15.raw150, gain_last_step: endGain, last_step: lastAmc},
    `The text names no step. Rules tried: ${GAIN_AT_150}; raw step 150 − step 0; raw last step − step 0. ${amcExact ? "One reproduces 4.9." : "None reproduces 4.9 to its rounding, and the text does not say which it used, so the curve can neither confirm nor contradict it."}`));

  // Sec. 2.3: AMC "∼18%" for format, incorrect, random and "∼25%" for majority vote and ground truth (Qwen2.5-Math-7B)
  const amc7 = (s: string) => ({s, ...gain150(get(2, "Qwen2.5-Math-7B - AMC@8", s))});
  for (const [id, stated, rewards, source, claim, quote] of [
    ["amc-spurious-18", 18, ["Format", "Incorrect", "Random"], "main_results#30 (~18)", "sec23-amc-spurious", "training on format, incorrect, or random rewards yields a ∼ 18% gain"],
    ["amc-standard-25", 25, ["Majority Vote", "Ground Truth"], "main_results#31 (~25)", "sec23-amc-majority-ground-truth", "approaching the ∼25% improvement gain from training on majority voted and ground truth labels"],
  ] as const) {
    const gains = rewards.map(amc7);
    // "∼x" read as within 2 points of x (the paper's own bound on noise for its small test sets, App. C, is ∼2 points)
    const ok = gains.map((g) => g.rule ?? g.raw150).every((g) => g !== null && Math.abs(g - stated) <= 2);
    out.push(finding(id,
      `Sec. 2.3: on AMC, “${quote}”; Figure 2's Qwen2.5-Math-7B AMC curves gain ${gains.map((g) => `${g.s} ${g.rule === null ? `${g.raw150 === null ? "—" : signed(g.raw150)} (raw step 150)` : signed(g.rule)}`).join(", ")} after 150 steps`,
      ok ? "confirmed" : "contradiction",
      [`Sec. 2.3 (p.4): “We observe similar trends in AMC, where training on format, incorrect, or random rewards yields a ∼ 18% gain, approaching the ∼25% improvement gain from training on majority voted and ground truth labels”`, `${source}; textual claim ${claim}`, FIG2 + " “Qwen2.5-Math-7B - AMC@8”, raw"],
      {printed: `~${stated}`, ...Object.fromEntries(gains.map((g) => [g.s, g.rule ?? g.raw150]))},
      `Gain after 150 steps (Figure 1's horizon) by the ${GAIN_AT_150}; the raw step-150 gain where a vertex of the window is missing. “∼${stated}” is read as within 2 points. Raw step-150 gains: ${gains.map((g) => `${g.s} ${g.raw150 === null ? "—" : signed(g.raw150)}`).join(", ")}.`));
  }

  // Sec. 2.3: AIME 2024 gains (Qwen2.5-Math-7B, Figure 13(a))
  const aime = [["Format", "+13.0", "main_results#33"], ["Ground Truth", "+12.8", "main_results#34"], ["Incorrect", "+8.7", "main_results#35"], ["Random", "+6.3", "main_results#36"]] as const;
  const aimeRows = aime.map(([s, printed, id]) => ({s, printed, id, ...gain150(get(13, "(a) AIME24@8", s))}));
  const reproduced = aimeRows.filter((x) => x.rule !== null && Math.abs(x.rule - Number(x.printed)) <= 0.05);
  const missing = aimeRows.filter((x) => x.rule === null);
  out.push(finding("aime24-gains",
    `Sec. 2.3: on AIME 2024, “format reward (+13.0%) surpasses ground truth rewards (+12.8%)”, incorrect and random gain 8.7% and 6.3%; Figure 13(a) after 150 steps: ${aimeRows.map((x) => `${x.s} ${x.rule === null ? "—" : signed(x.rule)}`).join(", ")}`,
    reproduced.length === aimeRows.length ? "confirmed" : reproduced.length + missing.length === aimeRows.length ? "undecidable" : "contradiction",
    ["Sec. 2.3 (p.4): “On AIME2024, format reward (+13.0%) surpasses ground truth rewards (+12.8%), and spurious rewards (incorrect & random) still lead to high performance gains of 8.7% and 6.3%, respectively (Appendix C)”", aime.map(([, , id]) => id).join(", "), FIG13 + " “(a) AIME24@8” (Qwen2.5-Math-7B), raw"],
    Object.fromEntries(aimeRows.flatMap((x) => [[`${x.s} printed`, x.printed], [`${x.s} rule`, x.rule], [`${x.s} raw 150`, x.raw150]])),
    `By the ${GAIN_AT_150}: ${reproduced.map((x) => `${x.s} reproduces ${x.printed}`).join(", ") || "no label reproduced"}; ${missing.length ? `${missing.map((x) => x.s).join(" and ")}: a vertex of steps 141–150 is missing, so the rule cannot be applied (raw step-150 gains ${missing.map((x) => (x.raw150 === null ? "—" : signed(x.raw150))).join(" and ")}, printed ${missing.map((x) => x.printed).join(" and ")})` : "every label computed"}.`));

  // Sec. 2.3: AIME 2025, rewards other than ground truth gain "1-3.5%"
  const a25 = (["Majority Vote", "Incorrect", "Format", "Random"] as const).map((s) => ({s, ...gain150(get(13, "(a) AIME25@8", s))}));
  const known = a25.filter((x) => x.rule !== null);
  const inRange = known.filter((x) => x.rule! >= 1 - 0.05 && x.rule! <= 3.5 + 0.05);
  out.push(finding("aime25-range",
    `Sec. 2.3: on AIME 2025 “other rewards still leads to a 1-3.5% gain”; Figure 13(a) after 150 steps: ${a25.map((x) => `${x.s} ${x.rule === null ? "—" : signed(x.rule)}`).join(", ")}`,
    inRange.length < known.length ? "contradiction" : known.length === a25.length ? "confirmed" : "undecidable",
    ["Sec. 2.3 (p.4): “Ground truth labels show a clear advantage compared to other rewards on AIME2025 … Nonetheless, other rewards still leads to a 1-3.5% gain in performance”", "main_results#37 (+1 to +3.5); textual claim sec23-aime25-range", FIG13 + " “(a) AIME25@8” (Qwen2.5-Math-7B), raw"],
    {printed: "1-3.5", ...Object.fromEntries(a25.map((x) => [x.s, x.rule])), ...Object.fromEntries(a25.map((x) => [`${x.s} raw 150`, x.raw150]))},
    `By the ${GAIN_AT_150}. ${inRange.length} of ${known.length} computable gains fall in 1–3.5; ${a25.filter((x) => x.rule === null).map((x) => `${x.s} (raw step-150 gain ${x.raw150 === null ? "—" : signed(x.raw150)})`).join(", ") || "none"} cannot be computed (a vertex of steps 141–150 is missing).`));

  // Sec. 4.3: Python reward, > 99% code after 20 steps: Figure 8 plots accuracy only
  out.push(finding("python-reward-99",
    "Sec. 4.3: with the Python reward Qwen2.5-Math-7B writes code “in > 99% of its answers after just 20 training steps”; no preprint figure plots that run's code frequency",
    "undecidable",
    ["Sec. 4.3 (p.9): “we find that Qwen2.5-Math-7B generated code reasoning solutions in > 99% of its answers after just 20 training steps”", "code_reasoning#8, clipping#37 (>99); textual claim sec43-python-reward-99", "Figure 8 (p.10): MATH-500 and AMC accuracy only"],
    {printed: "> 99", curve: null},
    "Figure 8's panels are accuracies; the code frequency the sentence states is not drawn, so no curve can check it."));

  // Sec. 4.4.2: γ = 0 "yields no improvement"
  const g0 = get(10, "Random Reward - MATH", "Random γ = 0", "smoothed"), g0raw = get(10, "Random Reward - MATH", "Random γ = 0");
  const g0max = maxOf(g0), g0end = g0.get(lastStep(g0))!;
  out.push(finding("gamma-0-flat",
    `Sec. 4.4.2: “γ = 0 yields no improvement as expected”; Figure 10's γ = 0 line starts at ${g0raw.get(0)} and never rises above ${g0max.value} (ends at ${g0end}, step ${lastStep(g0)})`,
    g0max.value <= g0raw.get(0)! ? "confirmed" : "contradiction",
    ["Sec. 4.4.2 (p.11): “γ = 0 yields no improvement as expected, since constant rewards provide no learning signal”", "Figure 10 (p.11) “Random Reward - MATH”, Random γ = 0, smoothed"],
    {start: g0raw.get(0)!, max_smoothed: g0max.value, end_smoothed: g0end},
    "No improvement: the smoothed line never exceeds its step-0 value."));

  // Figure 11: the runs without clipping "fail to replicate the same behavior within 100 steps", and "no robust improvement"
  const CLIP_ON = "Random w/ Clipping Enabled";
  const OFF = ["Random w/ Clipping Disabled", "Random w/ Clipping Disabled via Increased Mini-Batch Size", "Random w/ Clipping Disabled via Decreased Rollout Batch Size"];
  for (const [id, panel, what, quote, locator] of [
    ["figure11-code-no-clip", "(b) Frequency of Code Reasoning", "code frequency", "Other runs without clipping fail to replicate the same behavior within 100 steps", "Figure 11 caption (p.12): “From our observation, training with random rewards with clipping produces an increase in code reasoning patterns and improved performance. Other runs without clipping fail to replicate the same behavior within 100 steps.”"],
    ["figure11-accuracy-no-clip", "(a) Performance on MATH-500", "MATH-500 accuracy", "when clipping effects are eliminated, random rewards yield no robust improvement", "Sec. 4.4.2 (p.12): “Random rewards produce a ∼ 21% performance gain. However, when clipping effects are eliminated, random rewards yield no robust improvement.”"],
  ] as const) {
    const change = (s: string) => {
      const sm = get(11, panel, s, "smoothed"), raw = get(11, panel, s);
      return {s, start: raw.get(0)!, end: sm.get(lastStep(sm))!, endStep: lastStep(sm), change: pts(sm.get(lastStep(sm))! - raw.get(0)!), peak: pts(maxOf(sm).value - raw.get(0)!)};
    };
    const on = change(CLIP_ON), offs = OFF.map(change);
    out.push(finding(id,
      `${id === "figure11-code-no-clip" ? "Figure 11" : "Sec. 4.4.2"}: “${quote}”; Figure 11's ${what} changes ${signed(on.change)} points with clipping, ${offs.map((o) => signed(o.change)).join(", ")} without, by the end of each run`,
      offs.every((o) => o.change <= 0 || o.change < on.change / 2) ? "confirmed" : "contradiction",
      [locator, `Figure 11 (p.12) “${panel}” (Qwen2.5-Math-7B), smoothed end − raw step 0`],
      {with_clipping: on.change, ...Object.fromEntries(offs.map((o) => [o.s, o.change]))},
      `Change = smoothed value at the run's last step − raw value at step 0, in points: ${[on, ...offs].map((o) => `${o.s.replace("Random w/ ", "")} ${signed(o.change)} (step ${o.endStep}; highest smoothed ${signed(o.peak)})`).join("; ")}. Confirmed when no run without clipping ends with even half the clipped run's change.`));
  }
  return out;
}
