// The landing page's mini toy-model chart, precomputed at build time from the same simulator module the toy
// page and the CLI use (so the landing page needs no worker and no waiting): the paper-setting preset with the
// clip on, paired on the same seeds with the "clipping disabled in the loss" ablation.
import {presetById, resolveConfig, runEnsemble, type EnsembleSummary} from "../src/lib/toy/index.js";

export const LANDING_TOY = {clipOn: "qwen-math-random", clipOff: "ablation-no-clip", seeds: 64} as const;

export interface LandingToyPoint {
  step: number;
  clip: "on" | "off";
  /** ensemble mean and standard error of p(code), the high-prior strategy */
  mean: number;
  se: number;
}

export interface LandingToy {
  presets: {clipOn: string; clipOff: string};
  labels: {clipOn: string; clipOff: string};
  seeds: number[];
  steps: number;
  series: LandingToyPoint[];
  final: {clipOn: {mean: number; se: number}; clipOff: {mean: number; se: number}; pairedDu: {mean: number; se: number; z: number}};
  initialCode: number;
  cli: string;
  toyLink: string;
}

function series(summary: EnsembleSummary, clip: "on" | "off"): LandingToyPoint[] {
  const {mean, se} = summary.stats.p0!;
  return mean.map((m, step) => ({step, clip, mean: m, se: se[step]!}));
}

export function landingToy(): LandingToy {
  const on = presetById(LANDING_TOY.clipOn);
  const off = presetById(LANDING_TOY.clipOff);
  if (!on || !off) throw new Error(`landing toy: preset ${on ? LANDING_TOY.clipOff : LANDING_TOY.clipOn} is missing`);
  const cfgOn = resolveConfig(on.overrides);
  const cfgOff = resolveConfig(off.overrides);
  const result = runEnsemble(cfgOn, LANDING_TOY.seeds, cfgOff);
  const a = result.a;
  const b = result.b!;
  return {
    presets: {clipOn: on.id, clipOff: off.id},
    labels: {clipOn: on.label, clipOff: off.label},
    seeds: a.seeds,
    steps: a.steps,
    series: [...series(a, "on"), ...series(b, "off")],
    final: {
      clipOn: {mean: a.final.p0!.mean, se: a.final.p0!.se},
      clipOff: {mean: b.final.p0!.mean, se: b.final.p0!.se},
      pairedDu: result.diff!.final.du!
    },
    initialCode: a.stats.p0!.mean[0]!,
    cli: `npm run sim -- --preset ${on.id} --seeds ${LANDING_TOY.seeds} --paired '{"clip":{"enabled":false}}'`,
    toyLink: `./toy?preset=${on.id}`
  };
}
