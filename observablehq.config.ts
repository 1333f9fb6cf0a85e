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
  search: boolean;
}

const config: SiteConfig = {
  title: "Spurious Rewards, explained",
  root: "src",
  // Reading order: what the paper claims, is the record genuine, the numbers, where they disagree, the mechanism.
  pages: [
    {name: "Check the record", path: "/record"},
    {name: "Rewards compared", path: "/rewards"},
    {name: "Code reasoning", path: "/code-reasoning"},
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
  head: '<link rel="icon" href="data:,"><meta name="description" content="Claims, numbers, a clipping-bias toy model and a browser-side hash check for the paper Spurious Rewards: Rethinking Training Signals in RLVR (arXiv 2506.10947).">',
  footer:
    'Site by the Spurious Rewards explained team. Paper © its authors, CC BY-NC-SA 4.0. Site code MIT; site data CC BY-NC-SA 4.0 (derived from the paper). <a href="https://arxiv.org/abs/2506.10947">arXiv 2506.10947</a>.',
  toc: true,
  // Framework's search index is fetched from the same origin only; keep it.
  search: true
};

export default config;
