// Exact-expectation oracle (note §2.12): K = 2, one group of G samples from π_old = (p0, 1 − p0),
// Bernoulli(γ) rewards, E full-batch SGD epochs on that group. Enumerates the O(G³) outcomes
// (n_c code samples, k_c and k_n ones) and runs the E steps on 4 weighted cells (action × reward).

import { binomialPmf, groupAdvantages, type AdvantageOptions } from "./theory.js";

export interface OracleParams {
  G: number;
  p0: number;
  gamma: number;
  epochs: number;
  lr: number;
  clip: { enabled: boolean; epsLow: number; epsHigh: number; dualClipC?: number };
  adv?: AdvantageOptions;
  lossVariant?: "ratio" | "pi";
}

/** u after E full-batch SGD steps on one group with the given cell counts and advantages. */
function runCells(p0: number, counts: number[], advs: number[], acts: number[], prm: OracleParams): number {
  const u0 = Math.log(p0 / (1 - p0));
  const z = [Math.log(p0), Math.log(1 - p0)];
  const lpo = [Math.log(p0), Math.log(1 - p0)];
  const { enabled, epsLow, epsHigh } = prm.clip;
  const dual = prm.clip.dualClipC ?? 0;
  const G = prm.G;
  for (let e = 0; e < prm.epochs; e++) {
    const mx = Math.max(z[0], z[1]);
    const lse = mx + Math.log(Math.exp(z[0] - mx) + Math.exp(z[1] - mx));
    const lp = [z[0] - lse, z[1] - lse];
    const pi = [Math.exp(lp[0]), Math.exp(lp[1])];
    const coef = [0, 0];
    for (let c = 0; c < 4; c++) {
      const n = counts[c], A = advs[c], a = acts[c];
      if (n === 0 || A === 0) continue;
      const rho = Math.exp(lp[a] - lpo[a]);
      let m = 1;
      if (enabled) {
        if (A > 0 && rho > 1 + epsHigh) m = 0;
        else if (A < 0 && rho < 1 - epsLow) m = 0;
        else if (A < 0 && dual > 0 && rho > dual) m = 0;
      }
      const w = prm.lossVariant === "pi" ? pi[a] : rho;
      coef[a] += n * m * A * w;
    }
    const cs = coef[0] + coef[1];
    const g0 = (coef[0] - pi[0] * cs) / G, g1 = (coef[1] - pi[1] * cs) / G;
    z[0] += prm.lr * g0;
    z[1] += prm.lr * g1;
  }
  return z[0] - z[1] - u0;
}

/** Exact E[Δu] over one rollout group (note §2.12). */
export function oracleExpectedDu(prm: OracleParams): number {
  const { G, p0, gamma } = prm;
  const adv = prm.adv ?? { stdNorm: true, stdKind: "unbiased", eps: 1e-6 };
  if (!(G >= 2 && Number.isInteger(G) && G <= 256)) throw new RangeError(`G must be a whole number in [2, 256] (got ${G})`);
  if (!(p0 > 0 && p0 < 1)) throw new RangeError(`p0 must be in (0, 1) (got ${p0})`);
  if (!(gamma >= 0 && gamma <= 1)) throw new RangeError(`γ must be in [0, 1] (got ${gamma})`);
  const pN = binomialPmf(G, p0);
  const bin = (n: number) => binomialPmf(n, gamma);
  let total = 0;
  for (let nc = 0; nc <= G; nc++) {
    const pc = bin(nc), pn = bin(G - nc);
    for (let kc = 0; kc <= nc; kc++) {
      for (let kn = 0; kn <= G - nc; kn++) {
        const prob = pN[nc] * pc[kc] * pn[kn];
        if (prob === 0) continue;
        const [a1, a0] = groupAdvantages(G, kc + kn, adv);
        if (a1 === 0 && a0 === 0) continue;
        const du = runCells(p0, [kc, nc - kc, kn, G - nc - kn], [a1, a0, a1, a0], [0, 0, 1, 1], prm);
        total += prob * du;
      }
    }
  }
  return total;
}
