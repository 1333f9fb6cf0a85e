// Page state <-> URL query string, so a link reproduces the same configuration, seeds and numbers.

import { defaultConfig, diffConfig, resolveConfig, ToyConfigError, type ToyConfig } from "./config.js";
import { checkEnsembleSize } from "./ensemble.js";
import { presetById } from "./presets.js";

export interface PageState {
  config: ToyConfig;
  seeds: number;
  preset: string | null;
}

export const DEFAULT_SEEDS = 64;

export function defaultState(): PageState {
  return { config: defaultConfig(), seeds: DEFAULT_SEEDS, preset: "qwen-math-random" };
}

/** Query string (with leading "?") holding only what differs from the defaults. */
export function stateToSearch(st: PageState): string {
  const q = new URLSearchParams();
  const diff = diffConfig(st.config);
  if (Object.keys(diff).length) q.set("cfg", JSON.stringify(diff));
  if (st.seeds !== DEFAULT_SEEDS) q.set("seeds", String(st.seeds));
  if (st.preset) q.set("preset", st.preset);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Parse a query string; invalid parts fall back to defaults and are reported. */
export function stateFromSearch(search: string): { state: PageState; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const state = defaultState();
  const preset = q.get("preset");
  state.preset = preset && presetById(preset) ? preset : null;
  if (preset && !state.preset) problems.push(`unknown preset '${preset}' in the link`);
  const raw = q.get("cfg");
  if (raw) {
    try {
      state.config = resolveConfig(JSON.parse(raw));
    } catch (e) {
      problems.push(e instanceof ToyConfigError ? e.problems.join("; ") : `the link's cfg is not valid JSON (${(e as Error).message})`);
    }
  } else if (!q.has("preset")) state.preset = "qwen-math-random";
  const seeds = q.get("seeds");
  if (seeds !== null) {
    const n = Number(seeds);
    const p = checkEnsembleSize(state.config, n);
    if (p.length) problems.push(...p);
    else state.seeds = n;
  }
  return { state, problems };
}
