// Below-the-fold content that is drawn only when it scrolls near the viewport, so a page's load does not pay
// for it (each Plot chart costs a main-thread task of tens of milliseconds). The placeholder reserves the
// content's height, so nothing moves when it arrives (no layout shift).

/** Heights to reserve on pages narrower than 560 px (the viewport's width) and on wider ones. */
export interface ByWidth {
  narrow: number;
  wide: number;
}

export interface WhenVisibleOptions {
  /** the height to reserve (px), at least the content's at this page width */
  minHeight: number | ByWidth;
  /** what is coming, for the placeholder: "the toy run chart" */
  label: string;
  testid?: string;
  /** "figure" for a chart with its caption; "div" otherwise */
  tag?: "div" | "figure";
  className?: string;
  /** start this far before the element reaches the viewport (CSS margin; default 300 px above and below, so
   * that it is usually drawn, and grows, before the reader sees it) */
  rootMargin?: string;
  /** draw at once, e.g. when the URL points into the content */
  eager?: boolean;
  /** the placeholder's text until then (default: "<Label> is drawn when you scroll here…") */
  waitingText?: string;
}

/**
 * Returns a placeholder at once and calls `draw(root, width)` when it nears the viewport, in a task of its own;
 * shows "Loading…" while a returned promise is pending and the error message if it fails. `data-state` is
 * "waiting", "ready" or "error" (tests and benchmarks wait for "ready").
 */
export function whenVisible(draw: (root: HTMLElement, width: number) => void | Promise<void>, options: WhenVisibleOptions): HTMLElement {
  const root = document.createElement(options.tag ?? "div");
  if (options.className) root.className = options.className;
  if (options.testid) root.dataset.testid = options.testid;
  root.dataset.state = "waiting";
  const {minHeight} = options;
  // a height by width is chosen by a media query (src/style.css, .when-visible-by-width): reading the page's width
  // here made the browser lay out the half-drawn page inside a long task, once per placeholder
  if (typeof minHeight === "number") root.style.minHeight = `${minHeight}px`;
  else {
    root.classList.add("when-visible-by-width");
    root.style.setProperty("--when-visible-narrow", `${minHeight.narrow}px`);
    root.style.setProperty("--when-visible-wide", `${minHeight.wide}px`);
  }
  const status = document.createElement("p");
  status.className = "muted when-visible-status";
  status.style.color = "var(--site-muted)"; // the site grey of each colour scheme (src/style.css), ≥ 4.5:1 on both
  status.setAttribute("role", "status");
  status.textContent = options.waitingText ?? `${options.label[0]!.toUpperCase()}${options.label.slice(1)} is drawn when you scroll here…`;
  root.append(status);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    status.textContent = `Loading ${options.label}…`;
    setTimeout(() => {
      Promise.resolve()
        .then(() => draw(root, Math.max(280, root.clientWidth || 320)))
        .then(() => { status.remove(); root.dataset.state = "ready"; })
        .catch((e: unknown) => { status.textContent = `Could not draw ${options.label}: ${(e as Error).message}`; root.dataset.state = "error"; });
    }, 0);
  };
  if (options.eager || typeof IntersectionObserver === "undefined") queueMicrotask(start);
  else {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { io.disconnect(); start(); }
    }, {rootMargin: options.rootMargin ?? "300px 0px"});
    queueMicrotask(() => io.observe(root));
  }
  return root;
}

/**
 * Resolves once `element` has content: Framework's resize() draws its chart a frame after it is attached (when
 * its width is known), so a draw that appends one returns this to be "ready" only once the chart is there.
 */
export function hasContent(element: Element): Promise<void> {
  if (element.firstElementChild) return Promise.resolve();
  return new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (element.firstElementChild) { mo.disconnect(); resolve(); }
    });
    mo.observe(element, {childList: true});
  });
}
