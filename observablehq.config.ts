// Site configuration for Observable Framework 1.13.4 (which ships no type declarations, hence the local type).
interface PageLink {
  name: string;
  path: string;
}
interface SiteConfig {
  title: string;
  root: string;
  output: string;
  pages?: PageLink[];
  globalStylesheets: string[];
  style: string;
  head: string;
  footer: string;
  toc: boolean;
  search: boolean | {index: () => AsyncIterable<{path: string; title: string; text: string; keywords: string}>};
}

// Without JavaScript the numbers, charts and checks cannot be computed: say so at the top of every page and hide
// Framework's loading glyphs, which would otherwise stand where the numbers belong.
const NOSCRIPT = `<noscript><style>observablehq-loading{display:none}#observablehq-main::before{content:"This site needs JavaScript: its numbers, charts and hash checks are computed in your browser, so without it they are missing below. The paper: arXiv 2506.10947.";display:block;margin:1rem 0;padding:.75rem 1rem;border:2px solid #b3261e;font-weight:600}</style></noscript>`;
// No layout shift while a page draws: Framework renders every \${…} and js cell in the browser, so content
// grows in place after the first paint and pushes what follows down (CLS 0.15–0.48 measured). On these pages the
// main column below the title stays invisible (its space still laid out) until the page is drawn, then appears at
// once; invisible content does not count as shifting. "Drawn": pages that know (SIGNALLING_PAGES) dispatch
// "site:drawn" from their last cell (src/components/page-drawn.ts); the others count as drawn when no cell is
// pending, no static "Loading…" placeholder (data-testid="page-loading") is left, and the main column has not
// changed for 250 ms: /audit's small curve checks could arrive and draw 250 ms before its main data, and the page
// was shown with them, then pushed down (CLS 0.067 seen under load). A 4 s cap shows the page anyway. /toy lays itself out.
const SIGNALLING_PAGES = ["/", "/rewards", "/code-reasoning", "/toy-tokens"];
const REVEAL_PAGES = [...SIGNALLING_PAGES, "/record", "/audit", "/query", "/data-dictionary", "/figures"];
const REVEAL_WHEN_DRAWN = `<style>html.site-drawing #observablehq-main > :not(h1) { visibility: hidden; }</style>
<script>(() => {
  const path = location.pathname.replace(/\\.html$/, "").replace(/\\/(index)?$/, "") || "/";
  if (!${JSON.stringify(REVEAL_PAGES)}.includes(path)) return;
  const root = document.documentElement;
  root.classList.add("site-drawing");
  const show = () => root.classList.remove("site-drawing");
  document.addEventListener("site:drawn", show);
  setTimeout(show, 4000);
  if (${JSON.stringify(SIGNALLING_PAGES)}.includes(path)) return;
  let last = performance.now();
  new MutationObserver(() => (last = performance.now())).observe(root, {childList: true, subtree: true, characterData: true});
  const check = () => {
    if (!document.querySelector("observablehq-loading, .observablehq--loading, [data-testid=page-loading]") && document.readyState === "complete" && performance.now() - last > 250) show();
    else setTimeout(check, 50);
  };
  check();
})();</script>`;

const config: SiteConfig = {
  title: "Spurious Rewards, explained",
  root: "src",
  // Reading order: what the paper claims, is the record genuine, the numbers, where they disagree, the mechanism.
  pages: [
    {name: "Check the record", path: "/record"},
    {name: "Rewards compared", path: "/rewards"},
    {name: "Code reasoning", path: "/code-reasoning"},
    {name: "Figures: the training curves", path: "/figures"},
    {name: "Audit: the paper against itself", path: "/audit"},
    {name: "Query the numbers", path: "/query"},
    {name: "Data dictionary and downloads", path: "/data-dictionary"},
    {name: "Clipping bias, step by step", path: "/toy"},
    {name: "Clipping bias, token by token", path: "/toy-tokens"}
  ],
  // SITE_OUT lets several builds run side by side (tests, benchmarks) without overwriting ./dist.
  output: process.env.SITE_OUT ?? "dist",
  // Empty: the default loads Source Serif from Google Fonts, an off-site request the site must never make.
  globalStylesheets: [],
  style: "style.css",
  // An empty data: icon stops the browser from requesting /favicon.ico (a 404 and a console error otherwise).
  head: `<link rel="icon" href="data:,"><meta name="color-scheme" content="light dark">${REVEAL_WHEN_DRAWN}${NOSCRIPT}`,
  footer:
    'Site by the Spurious Rewards explained team. Paper © its authors, CC BY-NC-SA 4.0. Site code MIT; site data CC BY-NC-SA 4.0 (derived from the paper). <a href="https://arxiv.org/abs/2506.10947">arXiv 2506.10947</a>.',
  toc: true,
  // Framework's search index is fetched from the same origin only; keep it. The numbers pages draw with
  // JavaScript are added to it (loaders/search-numbers.ts), so searching "21.4" finds every page that shows it.
  search: {
    async *index() {
      const {searchNumberEntries} = await import("./loaders/search-numbers.js");
      yield* searchNumberEntries();
    }
  }
};


export default config;
