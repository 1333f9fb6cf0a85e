// Tells the page shell (observablehq.config.ts, REVEAL_WHEN_DRAWN) that every cell of the page has drawn, so it
// can show the main column at once instead of letting it grow in place (layout shift). Call from the last cell.
export function pageDrawn(): void {
  // two frames: inline expressions fulfilled in the same pass as the caller are inserted by then
  requestAnimationFrame(() => requestAnimationFrame(() => document.dispatchEvent(new Event("site:drawn"))));
}
