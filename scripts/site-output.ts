// Pure post-processing rules for the built HTML, kept apart from the build script so they are unit-tested.

/**
 * Fixes three WCAG failures in the markup Framework 1.13.4 hard-codes: no document language, zoom disabled by
 * maximum-scale=1, and the sidebar's close <label> placed directly inside an <ol> (only <li> may be there).
 */
export function patchHtml(html: string): string {
  return html
    .replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="en"$1>')
    .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1([^"]*")/, "$1$2")
    .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2$1<ol>");
}

/**
 * URLs on other hosts that a page or stylesheet would fetch by itself: src=, stylesheet/preload/modulepreload
 * hrefs, CSS url() and @import. Plain <a href> links are navigation, not requests, so they are allowed.
 */
export function offsiteReferences(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bsrc=["'](https?:)?\/\/([^"']+)["']/gi,
    /<link\b[^>]*\brel=["'](?:stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon)["'][^>]*\bhref=["']((?:https?:)?\/\/[^"']+)["']/gi,
    /<link\b[^>]*\bhref=["']((?:https?:)?\/\/[^"']+)["'][^>]*\brel=["'](?:stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon)["']/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')]+)["']?\s*\)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)["']/gi,
    /\bimport\s*(?:[^"'()]*from\s*)?["']((?:https?:)?\/\/[^"']+)["']/g
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) found.add(match[0].match(/(?:https?:)?\/\/[^"')\s]+/)![0]);
  }
  return [...found];
}
