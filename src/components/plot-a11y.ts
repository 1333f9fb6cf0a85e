// Plot labels each mark's <g> with aria-label, but a bare <g> has no role that may carry a name, which axe
// reports as aria-prohibited-attr (serious). Giving those groups role="group" keeps the label and makes it valid.
export function accessiblePlot<T extends Element>(plot: T): T {
  for (const group of plot.querySelectorAll("g[aria-label]")) {
    if (!group.hasAttribute("role")) group.setAttribute("role", "group");
  }
  return plot;
}
