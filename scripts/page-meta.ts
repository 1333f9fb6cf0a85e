// Per-page description and social preview, added to the built HTML (scripts/build.ts). Pure, unit-tested.
//
// The preview image is an SVG card written at build time, offline. Why SVG and not PNG: a PNG needs a text
// rasteriser (a font renderer) or a browser at build time; the first is a lot of code for a card, the second is
// not allowed in the build. Browsers, Mastodon and most chat apps show an SVG og:image; some platforms (X,
// Facebook, LinkedIn) accept only raster images and then fall back to the title and description, which are exact.

export interface PageMeta {
  /** Output HTML file relative to dist, e.g. "index.html", "rewards.html". */
  file: string;
  title: string;
  description: string;
  /** Lines for the card: a headline and up to two short lines. */
  card: {headline: string; lines: string[]};
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Greedy word wrap to at most `width` characters per line. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A 1200×630 card: site name, page headline (wrapped), up to two detail lines. */
export function cardSvg(site: string, card: PageMeta["card"]): string {
  const headline = wrap(card.headline, 34).slice(0, 3);
  const head = headline.map((l, i) => `<text x="72" y="${230 + i * 74}" font-size="60" font-weight="700">${escapeXml(l)}</text>`).join("");
  const lines = card.lines.slice(0, 2).map((l, i) => `<text x="72" y="${250 + headline.length * 74 + i * 48}" font-size="34" fill="#4a4a4a">${escapeXml(l)}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" fill="#1b1b1b">
<rect width="1200" height="630" fill="#ffffff"/><rect width="1200" height="16" fill="#9E3D7A"/>
<text x="72" y="120" font-size="32" fill="#4a4a4a">${escapeXml(site)}</text>${head}${lines}
<text x="72" y="580" font-size="26" fill="#4a4a4a">arXiv 2506.10947 · numbers with their paper version and source</text></svg>
`;
}

/** The head tags for one page; `image` is the card's URL (absolute when the site's URL is known). */
export function metaTags(meta: PageMeta, image: string): string {
  const t = escapeXml(meta.title), d = escapeXml(meta.description);
  return `<meta name="description" content="${d}"><meta property="og:type" content="website"><meta property="og:title" content="${t}"><meta property="og:description" content="${d}"><meta property="og:image" content="${escapeXml(image)}"><meta property="og:image:type" content="image/svg+xml"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"><meta name="twitter:card" content="summary">`;
}

/** Inserts the tags before </head>, replacing any description already there. */
export function withMeta(html: string, tags: string): string {
  return html.replace(/<meta name="description"[^>]*>/g, "").replace("</head>", `${tags}\n</head>`);
}
