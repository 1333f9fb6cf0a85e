// Tells the page shell (observablehq.config.ts, REVEAL_WHEN_DRAWN) that every cell of the page has drawn, so it
// can show the main column at once instead of letting it grow in place (layout shift). Call from the last cell.
export function pageDrawn(): void {
  // two frames: inline expressions fulfilled in the same pass as the caller are inserted by then
  requestAnimationFrame(() => requestAnimationFrame(() => document.dispatchEvent(new Event("site:drawn"))));
}

/**
 * Yields to the browser before a heavy cell draws. The cells of a page resume together once their data has
 * loaded, in one long main-thread task (over 500 ms on /code-reasoning); awaiting this at the top of each heavy
 * cell runs each one in its own task, so input and painting are never blocked for long.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
