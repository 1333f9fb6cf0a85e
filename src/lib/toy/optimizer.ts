// Optimizer of the toy-model note §2.10, shared by the strategy bandit and the token model: gradient
// ascent z += lr·g (SGD) or Adam (bias-corrected, state persistent across rollout steps), after an
// optional global L2 grad-norm clip over all logits; then a guard that keeps logits finite.

export interface OptimizerConfig {
  lr: number;
  optimizer: "sgd" | "adam";
  adamBetas: [number, number];
  adamEps: number;
  maxGradNorm: number;
}

/** Logits are kept within this spread (probabilities ≥ e^-100) so extreme settings stay finite. */
export const LOGIT_SPREAD_CAP = 100;

export class Optimizer {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  constructor(readonly cfg: OptimizerConfig, size: number) {
    this.m = new Float64Array(cfg.optimizer === "adam" ? size : 0);
    this.v = new Float64Array(cfg.optimizer === "adam" ? size : 0);
  }

  /** One ascent step on z (length n) with gradient g (modified in place by the norm clip). */
  step(z: Float64Array, g: Float64Array): void {
    const cfg = this.cfg, n = z.length;
    if (cfg.maxGradNorm > 0) {
      let n2 = 0;
      for (let k = 0; k < n; k++) n2 += g[k] * g[k];
      const norm = Math.sqrt(n2);
      if (norm > cfg.maxGradNorm) for (let k = 0; k < n; k++) g[k] *= cfg.maxGradNorm / norm;
    }
    if (cfg.optimizer === "sgd") {
      for (let k = 0; k < n; k++) z[k] += cfg.lr * g[k];
    } else {
      const [b1, b2] = cfg.adamBetas;
      const t = ++this.t;
      const c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
      const m = this.m, v = this.v;
      for (let k = 0; k < n; k++) {
        m[k] = b1 * m[k] + (1 - b1) * g[k];
        v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
        z[k] += (cfg.lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + cfg.adamEps);
      }
    }
  }
}

/**
 * Keep the logits z[off..off+len) finite and within LOGIT_SPREAD_CAP of the largest; a no-op in
 * ordinary runs. Returns how many times it had to act (0 normally).
 */
export function guardLogits(z: Float64Array, off: number, len: number): number {
  let mx = -Infinity, mn = Infinity;
  for (let k = off; k < off + len; k++) { if (z[k] > mx) mx = z[k]; if (z[k] < mn) mn = z[k]; }
  if (mx - mn <= LOGIT_SPREAD_CAP && Math.abs(mx) < 1e6 && Math.abs(mn) < 1e6) return 0;
  if (!Number.isFinite(mx) || !Number.isFinite(mn)) {
    // unreachable with validated configs (gradients are bounded); restore a defined state
    for (let k = off; k < off + len; k++) if (!Number.isFinite(z[k])) z[k] = z[k] > 0 ? 0 : -LOGIT_SPREAD_CAP;
    return 1 + guardLogits(z, off, len);
  }
  const shift = Math.abs(mx) >= 1e6 ? mx : 0;
  for (let k = off; k < off + len; k++) z[k] = Math.max(z[k] - shift, mx - shift - LOGIT_SPREAD_CAP);
  return 1;
}
