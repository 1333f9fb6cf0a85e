// Work budgets for the toy page (pure, no DOM): the cost of settings estimated before anything runs, so a
// shared link can neither freeze the tab (the step-by-step preview and the exact-expectation panel run on the
// main thread) nor start an ensemble that would take many minutes. Costs are in nanoseconds of one core,
// calibrated on the simulator's loops (src/lib/toy/sim.ts) in Node 20 on the 2-core reference machine and
// multiplied by BROWSER_FACTOR; they are estimates to compare with a budget, not predictions to print exactly.

import type { ToyConfig } from "./config.js";
import { groupThousands } from "../count-format.js";

/** Browsers run the same loops somewhat slower than Node; estimates are scaled up by this. */
export const BROWSER_FACTOR = 1.5;

export const BUDGETS = {
  /** one traced RL step plus its chart, on the main thread */
  previewMs: 30,
  /** mini-batch × epoch points of the traced step (the chart downsamples, but the trace itself is built) */
  previewMiniBatches: 20_000,
  /** the exact-expectation panel: outcome combinations × epochs */
  oracleWork: 300_000,
  /** a whole ensemble (both runs of the pair, all seeds), summed over cores */
  ensembleMs: 120_000,
} as const;

export interface CostTerm {
  /** what the work is */
  what: string;
  /** the settings that make it large, as a reader names them */
  lower: string;
  ns: number;
}

export interface CostEstimate {
  /** per RL step of one seed, split by what dominates */
  stepTerms: CostTerm[];
  stepNs: number;
  /** building one seed's simulator (prompt population, labels) */
  setupNs: number;
  seedNs: number;
  /** one traced step on the main thread (setup + step + trace) */
  previewMs: number;
  /** all seeds, both runs when paired */
  ensembleMs: number;
}

export function estimateCost(cfg: ToyConfig, seeds: number, paired = true): CostEstimate {
  const K = cfg.strategies.length;
  const N = cfg.promptsPerStep * cfg.G;
  const E = cfg.epochs, nMb = cfg.miniBatches, P = cfg.numPrompts, T = cfg.steps;
  const perPrompt = cfg.prefSd > 0;
  const stepTerms: CostTerm[] = [
    { what: `${groupThousands(N)} samples per step`, lower: `prompts per step (B = ${cfg.promptsPerStep}) or the group size (G = ${cfg.G})`, ns: 35 * N },
    { what: `${groupThousands((N * E))} sample updates per step`, lower: E > 1 ? `epochs (E = ${E}), prompts per step (B = ${cfg.promptsPerStep}) or the group size (G = ${cfg.G})` : `prompts per step (B = ${cfg.promptsPerStep}) or the group size (G = ${cfg.G})`, ns: 25 * N * E },
    { what: `${groupThousands((nMb * E))} optimizer steps per RL step`, lower: `mini-batches (N_mb = ${nMb})${E > 1 ? ` or epochs (E = ${E})` : ""}`, ns: 100 * K * nMb * E },
  ];
  if (perPrompt) {
    stepTerms.push({ what: "a separate policy for every sample (per-prompt preferences on)", lower: `the spread of per-prompt preference (σ_b = ${cfg.prefSd}; 0 turns it off)`, ns: 60 * N * K * E });
    stepTerms.push({ what: `metrics over ${groupThousands(P)} prompts`, lower: `prompts in the population (P = ${P}) or the preference spread (σ_b = ${cfg.prefSd})`, ns: 70 * P * K });
  }
  const stepNs = BROWSER_FACTOR * stepTerms.reduce((s, t) => s + t.ns, 0);
  const labels = cfg.reward.type === "majority" || cfg.reward.type === "incorrect";
  const setupNs = BROWSER_FACTOR * (30 * P * K + (labels ? 90 * 64 * P : 0) + (perPrompt ? 70 * P * K : 0));
  const seedNs = setupNs + T * stepNs;
  const previewNs = setupNs + stepNs + BROWSER_FACTOR * 400 * nMb * E * K;
  return {
    stepTerms, stepNs, setupNs, seedNs,
    previewMs: previewNs / 1e6,
    ensembleMs: (seedNs * seeds * (paired ? 2 : 1)) / 1e6,
  };
}

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 90_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} minutes`;
  return `${Math.round(ms / 3_600_000)} hours`;
}

/** The costliest step term: what a reader should lower first. */
export function dominantTerm(c: CostEstimate): CostTerm {
  return c.stepTerms.reduce((a, b) => (b.ns > a.ns ? b : a));
}

/**
 * Problems (sentences naming the setting to lower) when the ensemble is over the page's budget; [] when it
 * may run. Used before a run starts, whatever set the settings (slider, preset, link).
 */
export function checkWorkBudget(cfg: ToyConfig, seeds: number, paired = true): string[] {
  const c = estimateCost(cfg, seeds, paired);
  if (c.ensembleMs <= BUDGETS.ensembleMs) return [];
  const setupHeavy = c.setupNs > c.stepNs * cfg.steps;
  const lower = setupHeavy ? `prompts in the population (P = ${cfg.numPrompts})` : dominantTerm(c).lower;
  const what = setupHeavy ? `building ${groupThousands(cfg.numPrompts)} prompts for every seed` : dominantTerm(c).what;
  return [
    `these settings would take about ${duration(c.ensembleMs)} of computing (budget ${duration(BUDGETS.ensembleMs)}), mostly for ${what}: lower ${lower}, or use fewer seeds (S = ${seeds}) or RL steps (T = ${cfg.steps})`,
  ];
}

export interface PreviewDecision {
  ok: boolean;
  /** why it was skipped, naming the setting to lower */
  reason?: string;
}

/** May the step-by-step preview (one traced step and its chart) run on the main thread? */
export function previewBudget(cfg: ToyConfig): PreviewDecision {
  const c = estimateCost(cfg, 1, false);
  const traced = cfg.miniBatches * cfg.epochs;
  if (traced > BUDGETS.previewMiniBatches)
    return { ok: false, reason: `one step has ${groupThousands(traced)} mini-batch updates to trace (budget ${groupThousands(BUDGETS.previewMiniBatches)}): lower mini-batches (N_mb = ${cfg.miniBatches})${cfg.epochs > 1 ? ` or epochs (E = ${cfg.epochs})` : ""}` };
  if (c.previewMs > BUDGETS.previewMs) {
    const setupHeavy = c.setupNs > c.stepNs;
    const lower = setupHeavy ? `prompts in the population (P = ${cfg.numPrompts})` : dominantTerm(c).lower;
    return { ok: false, reason: `one traced step would take about ${duration(c.previewMs)} on the page (budget ${BUDGETS.previewMs} ms): lower ${lower}` };
  }
  return { ok: true };
}

/** Work of the exact-expectation oracle (src/lib/toy/oracle.ts): about G³/6 outcomes, each run for E epochs. */
export function oracleWork(G: number, epochs: number): number {
  return ((G + 1) * (G + 2) * (G + 3) / 6) * epochs;
}

export function oracleWithinBudget(G: number, epochs: number): boolean {
  return oracleWork(G, epochs) <= BUDGETS.oracleWork;
}
