// The "why" panel: µ(γ), the §3.3 threshold table and the sign rule, computed live for the current ε and p0.
import { advantageMoments, clipThresholds, neutralEpsHigh, oracleExpectedDu, oracleWithinBudget, type ToyConfig } from "../../lib/toy/index.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const f3 = (v: number) => (v >= 0 ? "+" : "−") + Math.abs(v).toFixed(3);

export function whyPanel(cfg: ToyConfig): HTMLElement {
  const root = el("section", undefined, { "data-testid": "toy-why", "aria-labelledby": "toy-why-title" });
  root.className = "toy-why";
  root.append(el("h3", "Why it drifts: the numbers for the current settings", { id: "toy-why-title" }));
  const names = cfg.strategies;
  const p0 = cfg.initProbs[0];
  const other = names.length === 2 ? names[1] : `not ${names[0]}`;
  const { epsLow, epsHigh } = cfg.clip;
  const updates = cfg.miniBatches * cfg.epochs;

  const intro = el("p");
  intro.textContent =
    `Rewards here are ${cfg.reward.type === "random" ? `coin flips with P(1) = γ = ${cfg.reward.gamma}` : `of type '${cfg.reward.type}'`}. ` +
    `Each rollout batch is used for N_mb × E = ${updates} optimizer step${updates === 1 ? "" : "s"}. ` +
    (updates === 1
      ? "With a single step the policy has not moved when the ratio is checked, so ρ = 1 and the clip can never fire: no clipping bias is possible."
      : "Only the first step sees ρ = 1; later mini-batches are computed after the policy has already moved, so ratios leave 1 and the clip can bind.");
  root.append(intro);

  if (cfg.reward.type === "random") {
    const m = advantageMoments(cfg.G, cfg.reward.gamma, cfg.adv);
    root.append(el("p",
      `Advantage scale for G = ${cfg.G}: µ(γ) = E[max(Â, 0)] = ${m.mu.toFixed(4)} and E[Â²] = ${m.meanSquare.toFixed(4)}; ` +
      `${(100 * m.nondegenerateGroups).toFixed(1)}% of groups have mixed rewards (the rest get Â = 0). The expected drift is proportional to µ(γ).`));
  }

  if (!(p0 > 0 && p0 < 1 && epsLow >= 0 && epsLow < 1 && epsHigh >= 0 && epsHigh < 1)) return root;
  const t = clipThresholds(p0, epsLow, epsHigh, [names[0], other]);
  const table = el("table", undefined, { "data-testid": "toy-threshold-table" });
  table.append(el("caption", `Where each clip event starts, in δ = u − u₀ (change of the logit gap within one rollout), for π_old(${names[0]}) = ${p0.toFixed(3)}, ε_low = ${epsLow}, ε_high = ${epsHigh}`));
  const head = el("tr");
  for (const h of ["event", "fires when δ is", "masked updates push"]) head.append(el("th", h, { scope: "col" }));
  table.append(el("thead"));
  table.tHead!.append(head);
  const tb = el("tbody");
  for (const r of t.rows) {
    const tr = el("tr");
    tr.append(el("td", r.event));
    tr.append(el("td", r.delta === null ? "never (out of reach)" : `${r.side === "below" ? "<" : ">"} ${f3(r.delta)}`));
    tr.append(el("td", r.push === "toward0" ? `toward ${names[0]} (u up)` : `away from ${names[0]} (u down)`));
    tb.append(tr);
  }
  table.append(tb);
  root.append(table);

  const rule = el("p", undefined, { "data-testid": "toy-sign-rule" });
  const prod = t.bandProduct;
  const cmp = t.signRule === "majority" ? "<" : t.signRule === "minority" ? ">" : "=";
  const verdict =
    t.signRule === "majority" ? "for small excursions the net drift is toward the more likely strategy (entropy falls)"
    : t.signRule === "minority" ? "for small excursions the net drift is toward the less likely strategy (entropy rises)"
    : "the two band edges are symmetric in log space, so the first-order drift vanishes";
  rule.textContent = `Sign rule: (1 − ε_low)(1 + ε_high) = ${prod.toFixed(4)} ${cmp} 1, so ${verdict}. ` +
    `In log-ratio units the band is [−${t.logLow.toFixed(3)}, +${t.logHigh.toFixed(3)}]; the neutral choice for ε_low = ${epsLow} is ε_high = ${neutralEpsHigh(epsLow).toFixed(3)}.`;
  root.append(rule);
  const near = el("p");
  near.textContent = (t.nearestToward !== null && t.nearestAway !== null)
    ? `Nearest trigger that pushes toward ${names[0]}: |δ| = ${t.nearestToward.toFixed(3)}; nearest that pushes away: |δ| = ${t.nearestAway.toFixed(3)}. A symmetric random walk in δ reaches the nearer one more often.`
    : "";
  root.append(near);
  if (t.ceiling) root.append(el("p", `Probability ceiling: π_old(${names[0]})·(1 + ε_high) = ${(p0 * (1 + epsHigh)).toFixed(3)} ≥ 1, so ${names[0]}'s ratio can never exceed 1 + ε_high and its clip-high never fires. This adds a pull toward ${names[0]} even on the neutral curve.`));
  if (cfg.reward.type === "random" && names.length === 2 && cfg.G <= 32 && cfg.optimizer === "sgd") {
    const single = `Exact expectation for a single group trained on alone for E = ${cfg.epochs} full-batch step${cfg.epochs === 1 ? "" : "s"} (SGD, lr ${cfg.lr}): `;
    if (cfg.epochs === 1) {
      // one step is always on-policy (ρ = 1), so the clip cannot act and E[Δu] is 0 by construction: say so
      // instead of printing the enumeration's floating-point residue (e.g. 7.694e-18)
      root.append(el("p", `${single}E[Δu] is exactly 0 with the clip and without: with one step the first update is always on-policy (ρ = 1), so the clip never fires.`));
    } else if (!oracleWithinBudget(cfg.G, cfg.epochs)) {
      root.append(el("p", `${single}not computed here: enumerating every outcome of a group of ${cfg.G} over ${cfg.epochs} epochs is too much work for the page (lower G or E).`));
    } else {
      // exact enumeration over one group (note §2.12): a few ms within the budget
      const base = { G: cfg.G, p0, gamma: cfg.reward.gamma, epochs: cfg.epochs, lr: cfg.lr, adv: cfg.adv, lossVariant: cfg.lossVariant };
      const withClip = oracleExpectedDu({ ...base, clip: { ...cfg.clip, enabled: true } });
      const noClip = oracleExpectedDu({ ...base, clip: { ...cfg.clip, enabled: false } });
      const show = (v: number) => (Math.abs(v) < 1e-12 ? "0 (to floating-point rounding)" : v.toExponential(3));
      root.append(el("p", `${single}E[Δu] = ${show(withClip)} with the clip and ${show(noClip)} without. Here the same samples are re-used, the regime of the caveat below; the streaming drift of the charts comes instead from different mini-batches and needs sampling.`));
    }
  }
  if (cfg.epochs > 1) root.append(el("p", `Caveat, E = ${cfg.epochs} epochs: each sample is optimised again after its own update, so its ratio now moves with its own advantage and the reasoning above no longer holds. Without the clip, re-optimising the same samples pushes toward the less likely strategy (rare positive samples are up-weighted fastest); the clip cancels that and more, and the net sign depends on lr × E. The paper's runs used one epoch.`));
  if (!cfg.clip.enabled) root.append(el("p", "The clip is off in the configured run, so none of these events masks anything there; the paired clip-on run shows their effect."));
  root.append(el("p", "How to read it: without the clip, every update's expected value is zero because the advantage is independent of the sample. With the clip, an update is dropped when its ratio is outside the band and its advantage has the sign that would push it further out. Which drops happen more often depends on which band edge the random walk reaches first. This assumes advantages independent of where the ratio is, true when the ratio moved because of other mini-batches (one epoch) and not when a sample is re-used (epochs > 1)."));
  return root;
}
