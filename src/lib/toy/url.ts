// Page state <-> URL query string, so a link reproduces the same configuration, seeds and numbers.
// `cfg` holds the settings that differ from the defaults (whatever preset they started from), `preset` the
// preset they started from, `tour` the guided-tour step. A link with a preset and no cfg runs that preset.
// Anything unusable in a link is reported (never silently dropped) and replaced by the preset's or the
// default settings.

import { defaultConfig, diffConfig, resolveConfig, ToyConfigError, type ToyConfig } from "./config.js";
import { checkEnsembleSize } from "./ensemble.js";
import { presetById, presetConfig } from "./presets.js";
import { parseTourStep, TOUR } from "./tour.js";
import { groupThousands } from "../count-format.js";

export interface PageState {
  config: ToyConfig;
  seeds: number;
  /** the preset the settings started from (they may have been changed since) */
  preset: string | null;
  /** guided-tour step 1..TOUR.length, or null outside the tour */
  tour?: number | null;
}

export const DEFAULT_SEEDS = 64;
export const DEFAULT_PRESET = "qwen-math-random";
/**
 * Longest query string the page reads or writes. Servers commonly refuse request headers over 8–16 KB (a
 * blank 431 page), and no settings the page can produce come near this.
 */
export const MAX_SEARCH_LENGTH = 8000;

export function defaultState(): PageState {
  return { config: defaultConfig(), seeds: DEFAULT_SEEDS, preset: DEFAULT_PRESET, tour: null };
}

/** Query string (with leading "?") holding only what differs from the defaults. */
export function stateToSearch(st: PageState): string {
  const q = new URLSearchParams();
  const diff = diffConfig(st.config);
  if (Object.keys(diff).length) q.set("cfg", JSON.stringify(diff));
  if (st.seeds !== DEFAULT_SEEDS) q.set("seeds", String(st.seeds));
  if (st.preset) q.set("preset", st.preset);
  if (st.tour) q.set("tour", String(st.tour));
  const s = q.toString();
  return s ? `?${s}` : "";
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Parse a query string; invalid parts fall back to the preset's or the default settings and are reported. */
export function stateFromSearch(search: string): { state: PageState; problems: string[] } {
  const problems: string[] = [];
  const state = defaultState();
  if (search.length > MAX_SEARCH_LENGTH) {
    problems.push(`the link is ${groupThousands(search.length)} characters long, more than the ${groupThousands(MAX_SEARCH_LENGTH)} this page reads; the default settings are shown`);
    return { state, problems };
  }
  const q = new URLSearchParams(search);
  // one value per parameter: a second one is reported, and the first is used
  const one = (name: string): string | null => {
    const all = q.getAll(name);
    if (all.length > 1) problems.push(`the link has ${all.length} '${name}' parameters; only the first is used`);
    return all.length ? all[0] : null;
  };
  const preset = one("preset");
  const raw = one("cfg");
  const seeds = one("seeds");
  const tourRaw = one("tour");
  state.preset = preset && presetById(preset) ? preset : null;
  if (preset !== null && !state.preset) problems.push(`unknown preset '${preset}' in the link`);
  if (raw === null && preset === null) state.preset = DEFAULT_PRESET;
  const fallback = () => (state.preset ? presetConfig(state.preset)! : defaultConfig());
  state.config = fallback();
  const replaced = state.preset ? `the settings of preset '${state.preset}' are used instead` : "the default settings are used instead";
  if (raw !== null) {
    let parsed: unknown;
    let json = true;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      json = false;
      problems.push(`the link's cfg is not valid JSON (${(e as Error).message}); ${replaced}`);
    }
    if (json) {
      if (!isPlainObject(parsed)) problems.push(`the link's cfg must be a JSON object of settings such as {"lr":2} (got ${raw.length > 40 ? raw.slice(0, 40) + "…" : raw}); ${replaced}`);
      else {
        try {
          state.config = resolveConfig(parsed);
        } catch (e) {
          problems.push(`${e instanceof ToyConfigError ? e.problems.join("; ") : (e as Error).message}; ${replaced}`);
        }
      }
    }
  }
  if (seeds !== null) {
    const n = /^\d{1,6}$/.test(seeds) ? Number(seeds) : NaN;
    const p = Number.isNaN(n) ? [`seeds in the link must be a whole number written in digits (got '${seeds.slice(0, 20)}')`] : checkEnsembleSize(state.config, n);
    if (p.length) problems.push(...p);
    else state.seeds = n;
  }
  if (tourRaw !== null) {
    state.tour = parseTourStep(tourRaw);
    if (state.tour === null) problems.push(`tour step '${tourRaw.slice(0, 20)}' does not exist (the tour has steps 1 to ${TOUR.length})`);
    else {
      // a tour step is its preset: a bare ?tour=N opens it; a link whose preset is another one is not that step
      const stepPreset = TOUR[state.tour - 1].preset;
      if (preset === null && raw === null) {
        state.preset = stepPreset;
        state.config = presetConfig(stepPreset)!;
      } else if (state.preset !== stepPreset) {
        problems.push(`tour step ${state.tour} is preset '${stepPreset}', not '${state.preset ?? "custom settings"}'; the tour is not shown`);
        state.tour = null;
      }
    }
  }
  return { state, problems };
}
