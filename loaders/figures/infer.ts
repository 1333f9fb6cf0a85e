// When a figure's legend swatches do not use its curves' colours, the colour → model map is inferred from
// evidence: a model's accuracy before training (step 0) is the same in every figure, so each curve colour is
// matched to the model whose step-0 values, read from figures whose legends do match, are closest. The
// assignment is one-to-one and minimises the total gap (exhaustive over subsets, fine for ≤ 16 models). Pure.

export interface ColourEvidence {
  color: string;
  /** step-0 value of this colour's curve, per benchmark */
  start: Record<string, number>;
}
export interface Assignment {
  color: string;
  model: string;
  /** sum over shared benchmarks of |step-0 here − reference| (axis units) */
  cost: number;
  benchmarks: string[];
  /** the next best model for this colour alone, and its cost: how decisive the evidence is */
  runnerUp: {model: string; cost: number} | null;
}

function cost(e: ColourEvidence, ref: Record<string, number> | undefined): {cost: number; benchmarks: string[]} {
  if (!ref) return {cost: Infinity, benchmarks: []};
  const shared = Object.keys(e.start).filter((b) => b in ref);
  if (!shared.length) return {cost: Infinity, benchmarks: []};
  return {cost: shared.reduce((s, b) => s + Math.abs(e.start[b] - ref[b]), 0), benchmarks: shared};
}

/** references: model → benchmark → step-0 value. Throws if a colour has no model with shared evidence. */
export function assignColours(colours: ColourEvidence[], references: Record<string, Record<string, number>>): Assignment[] {
  const models = Object.keys(references).sort();
  if (colours.length > models.length) throw new Error(`${colours.length} curve colours but only ${models.length} models with reference values`);
  const c = colours.map((e) => models.map((m) => cost(e, references[m]).cost));
  // best[i][mask]: least total cost assigning colours i.. to models not in mask
  const memo = new Map<string, {total: number; pick: number}>();
  const solve = (i: number, mask: number): {total: number; pick: number} => {
    if (i === colours.length) return {total: 0, pick: -1};
    const k = `${i}|${mask}`;
    const hit = memo.get(k);
    if (hit) return hit;
    let best = {total: Infinity, pick: -1};
    for (let m = 0; m < models.length; m++) {
      if (mask & (1 << m) || !Number.isFinite(c[i][m])) continue;
      const t = c[i][m] + solve(i + 1, mask | (1 << m)).total;
      if (t < best.total) best = {total: t, pick: m};
    }
    memo.set(k, best);
    return best;
  };
  const out: Assignment[] = [];
  let mask = 0;
  for (let i = 0; i < colours.length; i++) {
    const {pick} = solve(i, mask);
    if (pick < 0) throw new Error(`no model with reference values fits curve colour ${colours[i].color}`);
    mask |= 1 << pick;
    const ranked = models.map((m, j) => ({model: m, cost: c[i][j]})).filter((r) => r.model !== models[pick] && Number.isFinite(r.cost)).sort((a, b) => a.cost - b.cost);
    out.push({color: colours[i].color, model: models[pick], cost: c[i][pick], benchmarks: cost(colours[i], references[models[pick]]).benchmarks, runnerUp: ranked[0] ?? null});
  }
  return out;
}
