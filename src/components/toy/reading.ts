// The plain-language reading of the current run (sentences from src/lib/toy/reading.ts) and the line that
// keeps the preset's explanation in view: "Started from preset X; changed Y".
import { changedSettings, describeChanges, presetById, presetConfig, readRun, type EnsembleResult, type ToyConfig } from "../../lib/toy/index.js";

export interface ReadingHandle {
  element: HTMLElement;
  update(r: EnsembleResult, cfg: ToyConfig): void;
  clear(text: string): void;
}

export function readingPanel(): ReadingHandle {
  const root = document.createElement("div");
  root.className = "toy-reading";
  root.dataset.testid = "toy-summary";
  root.setAttribute("aria-live", "polite");
  const headline = document.createElement("p");
  headline.className = "toy-reading-headline";
  headline.dataset.testid = "toy-reading-headline";
  const details = document.createElement("p");
  details.className = "toy-reading-details";
  details.dataset.testid = "toy-reading-details";
  root.append(headline, details);
  return {
    element: root,
    update(r, cfg) {
      const reading = readRun({ result: r, clipEnabled: cfg.clip.enabled, strategies: cfg.strategies });
      headline.textContent = reading.headline;
      details.textContent = reading.details.join(" ");
      root.dataset.verdict = reading.verdict;
      if (reading.pairedVerdict) root.dataset.pairedVerdict = reading.pairedVerdict;
      else delete root.dataset.pairedVerdict;
    },
    clear(text) {
      headline.textContent = text;
      details.textContent = "";
      delete root.dataset.verdict;
      delete root.dataset.pairedVerdict;
    },
  };
}

/** "Preset: X." or "Started from preset X; changed: ε_high 0.2 → 0.28." and the preset's one-sentence point. */
export function originText(from: string | null, cfg: ToyConfig): { line: string; changes: string; exact: boolean } {
  const p = from ? presetById(from) : undefined;
  if (!p) return { line: "Custom settings (not from a preset).", changes: "", exact: false };
  const changes = describeChanges(changedSettings(cfg, presetConfig(p.id)!));
  return changes
    ? { line: `Started from preset “${p.label}”; changed ${changes}. What the preset shows: ${p.shows}`, changes, exact: false }
    : { line: `Preset “${p.label}”: ${p.shows}`, changes: "", exact: true };
}
