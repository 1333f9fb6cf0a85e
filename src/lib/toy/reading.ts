// The plain-language reading of an ensemble run (pure, no DOM): which way the logit gap drifted, whether
// that is distinguishable from zero and by which test, over how many seeds, and which statistic (mean or
// median) every sentence uses. Numbers are rounded to what their standard error supports, and a value that
// is exactly zero (every seed identical) is called exact rather than printed as a tiny float.

import type { EnsembleResult, PointStats } from "./ensemble.js";
import { groupThousands } from "../count-format.js";

/** "1 seed", "64 seeds". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`;
}

const MINUS = "−";

/** A signed number with a typographic minus: "+0.30", "−0.012", "0". */
export function signed(v: number, digits: number): string {
  const s = Math.abs(v).toFixed(digits);
  if (Number(s) === 0) return s;
  return (v < 0 ? MINUS : "+") + s;
}

/**
 * Decimal places a mean can carry given its standard error: two significant figures of 2 SE (the ± this
 * site prints), at most `maxDigits`. With SE = 0 there is no noise to round to: `maxDigits` is returned.
 */
export function digitsForSe(se: number, maxDigits = 6): number {
  if (!(se > 0) || !Number.isFinite(se)) return maxDigits;
  const d = 1 - Math.floor(Math.log10(2 * se));
  return Math.max(0, Math.min(maxDigits, d));
}

/** "+0.298 ± 0.031" (± 2 SE, both rounded to 2 significant figures of 2 SE); "exactly 0" when mean and SE are 0. */
export function estimate(mean: number, se: number): string {
  if (se === 0 && mean === 0) return "exactly 0";
  if (se === 0) return `${signed(mean, 6).replace(/\.?0+$/, "")} in every seed`;
  const d = digitsForSe(se);
  return `${signed(mean, d)} ± ${(2 * se).toFixed(d)}`;
}

/** |z| ≥ 2: about the two-sided 5% level of a z-test. */
export const Z_THRESHOLD = 2;
/** Below this many seeds the normal approximation behind the z-test is rough, and the reading says so. */
export const FEW_SEEDS = 20;

export interface ZTest {
  z: number;
  distinguishable: boolean;
  /** the mean and SE are both exactly 0: every seed gives the same value 0 */
  exactZero: boolean;
}

export function zTest(mean: number, se: number): ZTest {
  if (se === 0) return { z: mean === 0 ? 0 : Infinity * Math.sign(mean), distinguishable: mean !== 0, exactZero: mean === 0 };
  const z = mean / se;
  return { z, distinguishable: Math.abs(z) >= Z_THRESHOLD, exactZero: false };
}

/** "z = +5.6"; near the threshold with as many decimals as it takes for the shown z to agree with the verdict (1.97, not 2.0). */
export function zText(t: ZTest): string {
  if (!Number.isFinite(t.z)) return "no spread over seeds";
  let d = 1;
  while (d < 4 && (Math.abs(Number(t.z.toFixed(d))) >= Z_THRESHOLD) !== t.distinguishable) d++;
  return `z = ${signed(t.z, d)}`;
}

export interface ReadingInput {
  result: EnsembleResult;
  /** is configuration A (the one as set) the clip-on run? B is A with the clip toggled. */
  clipEnabled: boolean;
  strategies: string[];
}

export interface RunReading {
  /** the one sentence: does the configured run drift, distinguishably from zero, by which test */
  headline: string;
  /** the paired comparison with the clip toggled, and the probability of strategy 0 (mean and median named) */
  details: string[];
  /** machine-readable verdict of the headline */
  verdict: "toward" | "away" | "within-noise" | "exact-zero" | "untestable";
  /** verdict of the paired difference clip on − clip off, when there is one */
  pairedVerdict?: "clip-raises" | "clip-lowers" | "within-noise" | "identical";
}

function runName(clipOn: boolean): string {
  return clipOn ? "clip-on run" : "clip-off run";
}

/** Reads an ensemble result as sentences that agree with its numbers (see the module comment). */
export function readRun({ result: r, clipEnabled, strategies }: ReadingInput): RunReading {
  const s0 = strategies[0];
  const rest = strategies.length === 2 ? strategies[1] : `the other strategies`;
  const S = r.a.seeds.length;
  const T = r.a.steps;
  const seedsText = S < r.a.seedsPlanned ? `${plural(S, "seed")} so far (of ${r.a.seedsPlanned})` : plural(S, "seed");
  const few = S >= 2 && S < FEW_SEEDS ? ` With fewer than ${FEW_SEEDS} seeds this z-test is only approximate.` : "";
  const a = r.a.final.du;
  const aName = `The ${runName(clipEnabled)} (as set)`;
  const du = (p: PointStats) => `mean Δu ${estimate(p.mean, p.se)} (± 2 SE) after ${plural(T, "step")} over ${seedsText}`;

  let headline: string;
  let verdict: RunReading["verdict"];
  if (S < 2) {
    verdict = "untestable";
    headline = `${aName}: Δu = ${signed(a.mean, 3)} after ${plural(T, "step")} for ${plural(S, "seed")}; one seed has no spread to test against, so whether it drifts cannot be told. Use more seeds.`;
  } else {
    const t = zTest(a.mean, a.se);
    if (t.exactZero) {
      verdict = "exact-zero";
      headline = `${aName} does not move the logit gap at all: Δu is exactly 0 in every one of ${seedsText} after ${plural(T, "step")}.`;
    } else if (t.distinguishable) {
      verdict = a.mean > 0 ? "toward" : "away";
      headline = `${aName} drifts toward ${a.mean > 0 ? s0 : rest}: ${du(a)}, distinguishable from zero by a z-test on the seeds' final Δu (${zText(t)}, |z| ≥ ${Z_THRESHOLD}).${few}`;
    } else {
      verdict = "within-noise";
      headline = `${aName} shows no drift distinguishable from zero: ${du(a)}, by a z-test on the seeds' final Δu (${zText(t)}, |z| < ${Z_THRESHOLD}).${few}`;
    }
  }

  const details: string[] = [];
  let pairedVerdict: RunReading["pairedVerdict"];
  if (r.b && r.diff && S >= 2) {
    const b = r.b.final.du;
    const tb = zTest(b.mean, b.se);
    const bName = `the ${runName(!clipEnabled)}`;
    const bVerdict = tb.exactZero ? "exactly 0 in every seed" : `${estimate(b.mean, b.se)} (${zText(tb)}: ${tb.distinguishable ? "distinguishable from zero" : "not distinguishable from zero"})`;
    // the paired difference is always reported as clip on − clip off, whichever run is "as set"
    const sign = clipEnabled ? 1 : -1;
    const d = r.diff.final.du;
    const dm = sign * d.mean;
    const td = zTest(dm, d.se);
    let pairedText: string;
    if (td.exactZero) {
      pairedVerdict = "identical";
      pairedText = "the two runs are identical on every seed (the clip never changed an update), so the paired difference clip on − clip off is exactly 0";
    } else {
      pairedVerdict = td.distinguishable ? (dm > 0 ? "clip-raises" : "clip-lowers") : "within-noise";
      pairedText = `the paired difference clip on − clip off is ${estimate(dm, d.se)} (paired z-test on the same seeds, ${zText(td)}: ${td.distinguishable ? `the clip ${dm > 0 ? "raises" : "lowers"} Δu` : "the clip makes no difference distinguishable from zero"})`;
    }
    details.push(`On the same seeds, ${bName} has mean Δu ${bVerdict}; ${pairedText}.`);
  }
  const pa = r.a.final.p0;
  const start = r.a.stats.p0.mean[0];
  const digits = Math.max(3, Math.min(6, digitsForSe(pa.se)));
  let pText = `p(${s0}) starts at ${start.toFixed(3)}. After ${plural(T, "step")}, the median over seeds is ${pa.q50.toFixed(3)} and the mean ${pa.mean.toFixed(digits)} in the ${runName(clipEnabled)}`;
  if (r.b) {
    const pb = r.b.final.p0;
    pText += `, ${pb.q50.toFixed(3)} and ${pb.mean.toFixed(digits)} in the ${runName(!clipEnabled)}`;
  }
  pText += ". The median is the typical seed; the drift test above uses the mean of Δu.";
  details.push(pText);
  if (r.a.guardHits > 0) details.push(`At these extreme settings the logits hit the guard ${plural(r.a.guardHits, "time")} (probabilities kept ≥ e⁻¹⁰⁰).`);
  return { headline, details, verdict, pairedVerdict };
}
