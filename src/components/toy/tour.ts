// The guided tour's panel: step n of 5 with its narration, Previous / Next / End buttons, and the arrow keys
// (← →) while focus is in the panel. Steps are presets (src/lib/toy/tour.ts); the app applies them.
import { TOUR } from "../../lib/toy/index.js";

export interface TourHandle {
  element: HTMLElement;
  /** show step n (1-based), or the "start the tour" button when null */
  show(step: number | null): void;
}

export function tourPanel(go: (step: number | null) => void): TourHandle {
  const root = document.createElement("section");
  root.className = "toy-tour";
  root.dataset.testid = "toy-tour";
  root.setAttribute("aria-labelledby", "toy-tour-title");
  const title = document.createElement("h2");
  title.id = "toy-tour-title";
  title.className = "toy-tour-title";
  const narration = document.createElement("p");
  narration.dataset.testid = "toy-tour-narration";
  narration.setAttribute("aria-live", "polite");
  const prev = button("← Previous", "toy-tour-prev");
  const next = button("Next →", "toy-tour-next");
  const end = button("End the tour", "toy-tour-end");
  const start = button("Take the guided tour (5 steps)", "toy-tour-start");
  const bar = document.createElement("p");
  bar.className = "toy-tour-bar";
  let step: number | null = null;
  prev.addEventListener("click", () => step && step > 1 && go(step - 1));
  next.addEventListener("click", () => step && step < TOUR.length && go(step + 1));
  end.addEventListener("click", () => go(null));
  start.addEventListener("click", () => go(1));
  root.addEventListener("keydown", (e) => {
    if (step === null || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowRight" && step < TOUR.length) { e.preventDefault(); go(step + 1); }
    else if (e.key === "ArrowLeft" && step > 1) { e.preventDefault(); go(step - 1); }
  });
  function show(n: number | null) {
    step = n;
    root.dataset.step = n === null ? "" : String(n);
    if (n === null) {
      title.textContent = "";
      title.hidden = true;
      narration.textContent = "";
      bar.replaceChildren(start);
      root.classList.remove("toy-tour-on");
      return;
    }
    const s = TOUR[n - 1];
    title.hidden = false;
    title.textContent = `Guided tour, step ${n} of ${TOUR.length}: ${s.title}`;
    narration.textContent = s.narration;
    prev.disabled = n === 1;
    next.disabled = n === TOUR.length;
    bar.replaceChildren(prev, document.createTextNode(" "), next, document.createTextNode(" "), end, hint());
    root.classList.add("toy-tour-on");
  }
  root.append(title, narration, bar);
  return { element: root, show };
}

function button(text: string, testid: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.dataset.testid = testid;
  return b;
}

function hint(): HTMLElement {
  const s = document.createElement("small");
  s.textContent = " (or ← → keys while a tour button has focus)";
  return s;
}
