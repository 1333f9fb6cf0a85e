// Labelled, keyboard-operable controls for the toy model: each shows its name, symbol and live value.
// Controls edit a draft ToyConfig; the app validates it and starts a run.
import { LIMITS, REWARD_TYPES, type ToyConfig } from "../../lib/toy/index.js";

type Kind = "range" | "select" | "check" | "number";
interface ControlSpec {
  key: string;
  /** key: always in view beside the main chart; basic: "More settings"; advanced: "Advanced settings" */
  group: "key" | "basic" | "advanced";
  label: string;
  symbol: string;
  kind: Kind;
  min?: number;
  max?: number;
  step?: number;
  options?: readonly (readonly [string, string])[];
  help?: string;
  get(c: ToyConfig, seeds: number): number | string | boolean;
  set(c: ToyConfig, v: number | string | boolean): void | "seeds";
  format?(v: number): string;
}

const pct = (v: number) => v.toFixed(3);

function strategySpecs(c: ToyConfig): ControlSpec[] {
  const out: ControlSpec[] = [];
  c.strategies.forEach((s, k) => {
    out.push({
      key: `initProbs.${k}`, group: "basic", label: `Initial probability of ${s}`, symbol: `π₀(${s})`, kind: "range", min: 0.001, max: 0.999, step: 0.001, format: pct,
      help: c.strategies.length === 2 ? "the other strategy gets the rest" : "the others are rescaled so all sum to 1",
      get: (cfg) => cfg.initProbs[k],
      set: (cfg, v) => {
        const p = Math.min(0.999, Math.max(0.001, Number(v)));
        const rest = cfg.initProbs.reduce((a, b, j) => (j === k ? a : a + b), 0);
        const next = cfg.initProbs.map((q, j) => (j === k ? p : rest > 0 ? (q / rest) * (1 - p) : (1 - p) / (cfg.initProbs.length - 1)));
        cfg.initProbs = next.map((q) => Math.max(1e-6, +q.toFixed(6)));
        // fix rounding so the probabilities sum to exactly 1 within 1e-9
        const s2 = cfg.initProbs.reduce((a, b) => a + b, 0);
        cfg.initProbs[k === 0 ? 1 : 0] += 1 - s2;
      },
    });
  });
  c.strategies.forEach((s, k) => {
    out.push({
      key: `acc.${k}`, group: "basic", label: `Accuracy when using ${s}`, symbol: `q(${s})`, kind: "range", min: 0, max: 1, step: 0.001, format: pct,
      get: (cfg) => cfg.acc[k], set: (cfg, v) => { cfg.acc[k] = Number(v); },
    });
  });
  c.strategies.forEach((s, k) => {
    out.push({
      key: `unextractable.${k}`, group: "advanced", label: `Share of ${s} answers with no extractable answer`, symbol: `unx(${s})`, kind: "range", min: 0, max: 1, step: 0.01, format: (v) => v.toFixed(2),
      get: (cfg) => cfg.unextractable[k], set: (cfg, v) => { cfg.unextractable[k] = Number(v); },
    });
    out.push({
      key: `formatRate.${k}`, group: "advanced", label: `Format-reward rate for ${s}`, symbol: `f(${s})`, kind: "range", min: 0, max: 1, step: 0.01, format: (v) => v.toFixed(2),
      get: (cfg) => cfg.formatRate[k], set: (cfg, v) => { cfg.formatRate[k] = Number(v); },
    });
  });
  return out;
}

const SPECS: ControlSpec[] = [
  { key: "reward.type", group: "basic", label: "Reward", symbol: "r", kind: "select", options: REWARD_TYPES.map((t) => [t, t.replace("_", " ")] as const), get: (c) => c.reward.type, set: (c, v) => { c.reward.type = v as ToyConfig["reward"]["type"]; } },
  { key: "reward.gamma", group: "key", label: "Reward probability", symbol: "γ", kind: "range", min: 0, max: 1, step: 0.001, format: pct, get: (c) => c.reward.gamma, set: (c, v) => { c.reward.gamma = Number(v); } },
  { key: "clip.enabled", group: "key", label: "Clip the ratio", symbol: "clip", kind: "check", get: (c) => c.clip.enabled, set: (c, v) => { c.clip.enabled = Boolean(v); } },
  { key: "clip.epsLow", group: "key", label: "Lower clip width", symbol: "ε_low", kind: "range", min: 0, max: 0.5, step: 0.01, format: (v) => v.toFixed(2), get: (c) => c.clip.epsLow, set: (c, v) => { c.clip.epsLow = Number(v); } },
  { key: "clip.epsHigh", group: "key", label: "Upper clip width", symbol: "ε_high", kind: "range", min: 0, max: 0.5, step: 0.01, format: (v) => v.toFixed(2), get: (c) => c.clip.epsHigh, set: (c, v) => { c.clip.epsHigh = Number(v); } },
  { key: "G", group: "basic", label: "Rollouts per prompt (group size)", symbol: "G", kind: "range", min: 2, max: 64, step: 1, format: String, get: (c) => c.G, set: (c, v) => { c.G = Number(v); } },
  { key: "promptsPerStep", group: "basic", label: "Prompts per step", symbol: "B", kind: "range", min: 1, max: 256, step: 1, format: String, get: (c) => c.promptsPerStep, set: (c, v) => { c.promptsPerStep = Number(v); } },
  { key: "miniBatches", group: "key", label: "Mini-batches per rollout", symbol: "N_mb", kind: "range", min: 1, max: 32, step: 1, format: String, get: (c) => c.miniBatches, set: (c, v) => { c.miniBatches = Number(v); } },
  { key: "epochs", group: "basic", label: "Epochs over each rollout (E > 1 re-uses samples: see the caveat in the why panel)", symbol: "E", kind: "range", min: 1, max: 8, step: 1, format: String, get: (c) => c.epochs, set: (c, v) => { c.epochs = Number(v); } },
  { key: "lr", group: "key", label: "Learning rate", symbol: "lr", kind: "range", min: 0, max: 10, step: 0.05, format: (v) => v.toFixed(2), get: (c) => c.lr, set: (c, v) => { c.lr = Number(v); } },
  { key: "optimizer", group: "basic", label: "Optimizer", symbol: "opt", kind: "select", options: [["sgd", "SGD"], ["adam", "Adam (state kept across steps)"]], get: (c) => c.optimizer, set: (c, v) => { c.optimizer = v as ToyConfig["optimizer"]; } },
  { key: "steps", group: "basic", label: "RL steps", symbol: "T", kind: "range", min: 10, max: 1000, step: 10, format: String, get: (c) => c.steps, set: (c, v) => { c.steps = Number(v); } },
  { key: "seeds", group: "key", label: "Seeds", symbol: "S", kind: "range", min: 4, max: 512, step: 4, format: String, get: (_c, s) => s, set: () => "seeds" },
  // advanced
  { key: "shuffle", group: "advanced", label: "Shuffle before splitting into mini-batches", symbol: "shuffle", kind: "select", options: [["samples", "samples (paper's code)"], ["groups", "whole groups"], ["none", "none"]], get: (c) => c.shuffle, set: (c, v) => { c.shuffle = v as ToyConfig["shuffle"]; } },
  { key: "adv.stdNorm", group: "advanced", label: "Divide advantages by the group's std", symbol: "σ-norm", kind: "check", get: (c) => c.adv.stdNorm, set: (c, v) => { c.adv.stdNorm = Boolean(v); } },
  { key: "adv.stdKind", group: "advanced", label: "Group std estimator", symbol: "std", kind: "select", options: [["unbiased", "unbiased (n−1, torch)"], ["population", "population (n)"]], get: (c) => c.adv.stdKind, set: (c, v) => { c.adv.stdKind = v as "unbiased" | "population"; } },
  { key: "adv.batchWhiten", group: "advanced", label: "Whiten advantages over the whole batch", symbol: "whiten", kind: "check", get: (c) => c.adv.batchWhiten, set: (c, v) => { c.adv.batchWhiten = Boolean(v); } },
  { key: "clip.dualClipC", group: "advanced", label: "Dual-clip constant (0 = off; must be > 1)", symbol: "c", kind: "range", min: 0, max: 10, step: 0.1, format: (v) => (v === 0 ? "off" : v.toFixed(1)), get: (c) => c.clip.dualClipC, set: (c, v) => { c.clip.dualClipC = Number(v); } },
  { key: "lossVariant", group: "advanced", label: "Loss variant", symbol: "loss", kind: "select", options: [["ratio", "ratio ρ·A (PPO/GRPO)"], ["pi", "π·A (repo's loss without old log-probs)"]], get: (c) => c.lossVariant, set: (c, v) => { c.lossVariant = v as "ratio" | "pi"; } },
  { key: "klBeta", group: "advanced", label: "KL penalty to the initial policy (exact KL)", symbol: "β", kind: "range", min: 0, max: 1, step: 0.01, format: (v) => v.toFixed(2), get: (c) => c.klBeta, set: (c, v) => { c.klBeta = Number(v); } },
  { key: "maxGradNorm", group: "advanced", label: "Gradient-norm clip (0 = off)", symbol: "‖g‖max", kind: "range", min: 0, max: 5, step: 0.05, format: (v) => (v === 0 ? "off" : v.toFixed(2)), get: (c) => c.maxGradNorm, set: (c, v) => { c.maxGradNorm = Number(v); } },
  { key: "difficultySd", group: "advanced", label: "Spread of prompt difficulty (logit units)", symbol: "σ_d", kind: "range", min: 0, max: 3, step: 0.05, format: (v) => v.toFixed(2), get: (c) => c.difficultySd, set: (c, v) => { c.difficultySd = Number(v); } },
  { key: "prefSd", group: "advanced", label: "Spread of per-prompt strategy preference", symbol: "σ_b", kind: "range", min: 0, max: 3, step: 0.05, format: (v) => v.toFixed(2), get: (c) => c.prefSd, set: (c, v) => { c.prefSd = Number(v); } },
  { key: "numPrompts", group: "advanced", label: "Prompts in the population", symbol: "P", kind: "range", min: 1, max: 1024, step: 1, format: String, get: (c) => c.numPrompts, set: (c, v) => { c.numPrompts = Number(v); } },
  { key: "numWrong", group: "advanced", label: "Distinct wrong answers per prompt", symbol: "W", kind: "range", min: 1, max: 20, step: 1, format: String, get: (c) => c.numWrong, set: (c, v) => { c.numWrong = Number(v); } },
  { key: "adamLr", group: "advanced", label: "Adam β₁", symbol: "β₁", kind: "range", min: 0, max: 0.999, step: 0.001, format: (v) => v.toFixed(3), get: (c) => c.adamBetas[0], set: (c, v) => { c.adamBetas = [Number(v), c.adamBetas[1]]; } },
  { key: "adamB2", group: "advanced", label: "Adam β₂", symbol: "β₂", kind: "range", min: 0, max: 0.999, step: 0.001, format: (v) => v.toFixed(3), get: (c) => c.adamBetas[1], set: (c, v) => { c.adamBetas = [c.adamBetas[0], Number(v)]; } },
  { key: "seed", group: "advanced", label: "First seed (seeds are seed, seed+1, …)", symbol: "seed", kind: "number", min: 0, max: 4294967295, step: 1, get: (c) => c.seed, set: (c, v) => { c.seed = Math.max(0, Math.floor(Number(v))); } },
];

export interface ControlsHandle {
  /** the controls that matter, kept beside the main chart */
  key: HTMLElement;
  /** everything else, folded: "More settings" and "Advanced settings" */
  more: HTMLElement;
  /** re-read every control from the config (after a preset, a tour step, Back or a URL load) */
  sync(cfg: ToyConfig, seeds: number): void;
}

/** "input": a slider is moving (more events follow); "commit": the value is set (released, typed, toggled). */
export type ChangePhase = "input" | "commit";

/**
 * Build the control panels. onChange gets a fresh draft config, the seed count and the phase: the app
 * restarts runs only when the input settles (a commit, or a pause while dragging).
 */
export function toyControls(initial: ToyConfig, initialSeeds: number, onChange: (cfg: ToyConfig, seeds: number, phase: ChangePhase) => void): ControlsHandle {
  let cfg: ToyConfig = structuredClone(initial);
  let seeds = initialSeeds;
  const keyRoot = document.createElement("div");
  keyRoot.className = "toy-controls toy-controls-key";
  keyRoot.dataset.testid = "toy-controls";
  const moreRoot = document.createElement("div");
  moreRoot.className = "toy-controls toy-controls-more";

  function folded(title: string, testid: string, open: boolean): [HTMLDetailsElement, HTMLFieldSetElement] {
    const d = document.createElement("details");
    d.className = "toy-advanced";
    d.open = open;
    const sum = document.createElement("summary");
    sum.textContent = title;
    sum.dataset.testid = testid;
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = title;
    set.append(legend);
    d.append(sum, set);
    return [d, set];
  }

  function build(openMore = false, openAdvanced = false) {
    const specs = [...SPECS.filter((x) => x.group === "key"), ...strategySpecs(cfg), ...SPECS.filter((x) => x.group !== "key")];
    const key = document.createElement("fieldset");
    const lb = document.createElement("legend");
    lb.textContent = "Settings that matter most";
    key.append(lb);
    const [more, moreSet] = folded("More settings (reward type, starting policy, batch sizes, steps)", "toy-more-toggle", openMore);
    const [adv, advSet] = folded("Advanced settings", "toy-advanced-toggle", openAdvanced);
    for (const spec of specs) (spec.group === "key" ? key : spec.group === "basic" ? moreSet : advSet).append(control(spec));
    keyRoot.replaceChildren(key);
    moreRoot.replaceChildren(more, adv);
  }

  function control(spec: ControlSpec): HTMLElement {
    const id = `toy-ctl-${spec.key.replace(/\W/g, "-")}`;
    const wrap = document.createElement("div");
    wrap.className = `toy-control toy-control-${spec.kind}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    const name = document.createElement("span");
    name.textContent = spec.label + " ";
    const sym = document.createElement("span");
    sym.className = "toy-symbol";
    sym.textContent = spec.symbol;
    label.append(name, sym);
    const out = document.createElement("output");
    out.htmlFor.add(id);
    out.className = "toy-value";
    let input: HTMLInputElement | HTMLSelectElement;
    const value = spec.get(cfg, seeds);
    if (spec.kind === "select") {
      const sel = document.createElement("select");
      for (const [v, text] of spec.options!) { const o = document.createElement("option"); o.value = v; o.textContent = text; sel.append(o); }
      sel.value = String(value);
      input = sel;
    } else {
      const inp = document.createElement("input");
      inp.type = spec.kind === "check" ? "checkbox" : spec.kind === "number" ? "number" : "range";
      if (spec.kind === "check") inp.checked = Boolean(value);
      else {
        if (spec.min !== undefined) inp.min = String(spec.min);
        if (spec.max !== undefined) inp.max = String(spec.max);
        if (spec.step !== undefined) inp.step = String(spec.step);
        inp.value = String(value);
      }
      input = inp;
    }
    input.id = id;
    input.dataset.testid = id;
    const show = (v: number | string | boolean) => {
      out.textContent = typeof v === "boolean" ? (v ? "on" : "off") : typeof v === "number" ? (spec.format ? spec.format(v) : String(v)) : spec.options?.find((o) => o[0] === v)?.[1] ?? String(v);
    };
    show(value);
    const read = () => (input instanceof HTMLInputElement && input.type === "checkbox" ? input.checked : spec.kind === "select" ? input.value : Number(input.value));
    const apply = (phase: ChangePhase) => {
      const raw = read();
      const next = structuredClone(cfg);
      if (spec.set(next, raw) === "seeds") seeds = Number(raw);
      else cfg = next;
      show(spec.get(cfg, seeds));
      if (spec.key.startsWith("initProbs")) syncValues();
      onChange(structuredClone(cfg), seeds, phase);
    };
    if (spec.kind === "select" || spec.kind === "check") input.addEventListener("change", () => apply("commit"));
    else {
      // sliders and number boxes: "input" while moving or typing, "change" once the value is set
      input.addEventListener("input", () => apply("input"));
      input.addEventListener("change", () => apply("commit"));
    }
    if (spec.kind === "check") wrap.append(input, label, out);
    else wrap.append(label, out, input);
    if (spec.help && spec.group !== "key") {
      const h = document.createElement("small");
      h.textContent = ` (${spec.help})`;
      label.append(h);
    }
    return wrap;
  }

  // update values of the other probability sliders after renormalisation
  function syncValues() {
    cfg.initProbs.forEach((p, k) => {
      const el = moreRoot.querySelector<HTMLInputElement>(`#toy-ctl-initProbs-${k}`);
      if (el) { el.value = String(p); const o = el.parentElement?.querySelector("output"); if (o) o.textContent = pct(p); }
    });
  }

  build();
  return {
    key: keyRoot,
    more: moreRoot,
    sync(next: ToyConfig, nextSeeds: number) {
      const [openMore, openAdvanced] = [...moreRoot.querySelectorAll("details")].map((d) => d.open);
      cfg = structuredClone(next);
      seeds = nextSeeds;
      build(openMore ?? false, openAdvanced ?? false);
    },
  };
}

export const SEED_LIMIT = LIMITS.maxSeeds;
