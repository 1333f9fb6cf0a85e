// Token-toy page state <-> URL query string: the configuration (as overrides of the defaults), the
// number of seeds and the view toggles, so a link reproduces the same runs and numbers.

import { ToyConfigError } from "../config.js";
import { LIMITS } from "../config.js";
import { defaultTokenConfig, diffTokenConfig, resolveTokenConfig, type TokenToyConfig } from "./config.js";
import { checkTokenEnsembleSize } from "./ensemble.js";

export type AtpScope = "content" | "all";
export type AtpKind = "expected" | "sampled";

export interface TokenPageState {
  config: TokenToyConfig;
  seeds: number;
  atpScope: AtpScope;
  atpKind: AtpKind;
}

export const DEFAULT_TOKEN_SEEDS = 16;

export function defaultTokenPageState(): TokenPageState {
  return { config: defaultTokenConfig(), seeds: DEFAULT_TOKEN_SEEDS, atpScope: "content", atpKind: "expected" };
}

export function tokenStateToSearch(st: TokenPageState): string {
  const q = new URLSearchParams();
  const diff = diffTokenConfig(st.config);
  if (Object.keys(diff).length) q.set("cfg", JSON.stringify(diff));
  if (st.seeds !== DEFAULT_TOKEN_SEEDS) q.set("seeds", String(st.seeds));
  if (st.atpScope !== "content") q.set("atp", st.atpScope);
  if (st.atpKind !== "expected") q.set("kind", st.atpKind);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Parse a query string; invalid parts fall back to the defaults and are reported in `problems`. */
export function tokenStateFromSearch(search: string): { state: TokenPageState; problems: string[] } {
  const q = new URLSearchParams(search);
  const st = defaultTokenPageState();
  const problems: string[] = [];
  const cfg = q.get("cfg");
  if (cfg !== null) {
    try {
      st.config = resolveTokenConfig(JSON.parse(cfg));
    } catch (e) {
      problems.push(e instanceof ToyConfigError ? `the link's configuration was not used: ${e.problems.join("; ")}` : "the link's configuration is not valid JSON and was not used");
    }
  }
  const seeds = q.get("seeds");
  if (seeds !== null) {
    const n = Number(seeds);
    const p = Number.isInteger(n) && n >= 1 && n <= LIMITS.maxSeeds ? checkTokenEnsembleSize(st.config, n) : [`seeds must be a whole number from 1 to ${LIMITS.maxSeeds}`];
    if (p.length) problems.push(`seeds=${seeds} was not used: ${p.join("; ")}`);
    else st.seeds = n;
  }
  const atp = q.get("atp");
  if (atp !== null) { if (atp === "all" || atp === "content") st.atpScope = atp; else problems.push(`atp=${atp} is not 'all' or 'content'`); }
  const kind = q.get("kind");
  if (kind !== null) { if (kind === "expected" || kind === "sampled") st.atpKind = kind; else problems.push(`kind=${kind} is not 'expected' or 'sampled'`); }
  return { state: st, problems };
}
