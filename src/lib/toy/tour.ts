// The guided tour of the clipping-bias mechanism: five page states (each a preset, so each is a URL), with
// what to look at. The narration describes what the toy shows at 64 seeds × 200 steps; it says "look for"
// rather than quoting a number, because the numbers are the page's, computed live under the narration.

export interface TourStep {
  preset: string;
  title: string;
  narration: string;
}

export const TOUR: readonly TourStep[] = [
  {
    preset: "qwen-math-random",
    title: "The paper's setting",
    narration:
      "Coin-flip rewards carry no information, yet with 8 updates per rollout batch and the clip on, look for the clip-on run's p(code) to creep above its start while the clip-off run on the same seeds stays level. The reading under the chart says whether that drift is distinguishable from zero.",
  },
  {
    preset: "ablation-no-clip",
    title: "Switch the clip off",
    narration:
      "Same rollouts, same updates, no clip in the loss (the paper's ablation i). Now the run as set is the clip-off one: look for its drift to be within noise, while the paired clip-on run, computed on the same seeds for comparison, still drifts.",
  },
  {
    preset: "ablation-minibatch-eq-rollout",
    title: "One update per rollout",
    narration:
      "With one optimizer step per rollout batch the ratio is exactly 1 when the clip is checked, so the clip can never fire. Look at the clip chart (nothing masked) and at the reading: clip on and clip off are then the same run, seed for seed.",
  },
  {
    preset: "dapo-clip-higher",
    title: "The ε sign rule: ε_high 0.28",
    narration:
      "Widening the upper clip edge to ε_high = 0.28 puts (1 − ε_low)(1 + ε_high) above 1. The sign rule in the 'why' panel predicts the pull toward the majority strategy goes away: look for the drift to vanish (or turn slightly negative) even with the clip on.",
  },
  {
    preset: "qwen25-7b-bad-code",
    title: "A model with bad code",
    narration:
      "Qwen2.5-7B also prefers code, but its code answers are less accurate than its language ones. The same bias still pushes toward code, so look at the accuracy chart: the shift to code cannot raise expected accuracy here.",
  },
];

/** Tour step number from a URL value ("1".."5"), or null. */
export function parseTourStep(raw: string | null): number | null {
  if (raw === null || !/^[1-9]\d*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= TOUR.length ? n : null;
}
