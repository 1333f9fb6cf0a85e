// The Content-Security-Policy the README's "Deploying" section recommends, in two strengths, both run over
// every page by the end-to-end suite (test/e2e/csp.test.ts); a unit test checks the README quotes them.
// - siteCsp(hashes): the tight policy. Framework writes each page's code as an inline <script type="module">;
//   instead of allowing every inline script, the build lists the sha256 of each one (writeDeployHeaders ->
//   dist/_headers for Netlify, dist/_csp.txt for nginx and others). It changes with every build.
// - SITE_CSP: the same without hashes ('unsafe-inline' for scripts), for hosts whose headers cannot follow each
//   build.
// Why the other sources are there:
// - script-src 'unsafe-eval': arquero compiles its table expressions with new Function (/code-reasoning);
// - script-src 'wasm-unsafe-eval': DuckDB-wasm compiles WebAssembly (the query page, the toy's runs table);
// - style-src 'unsafe-inline': Framework and Plot set style attributes and inline <style> elements;
// - img-src data:: the empty favicon and Framework's inline SVG icons are data: URLs;
// - worker-src 'self': the toy's simulation worker and DuckDB's worker are same-origin files.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";

function policy(scriptSources: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSources} 'unsafe-eval' 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy without per-build hashes. */
export const SITE_CSP = policy("'unsafe-inline'");

/** The tight policy: only the inline scripts whose hashes are listed may run. */
export function siteCsp(inlineScriptHashes: readonly string[]): string {
  return policy([...inlineScriptHashes].sort().map((h) => `'sha256-${h}'`).join(" "));
}

/** Base64 sha256 of every inline <script> of an HTML text (the form CSP hash sources take). */
export function inlineScriptHashesOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]) || !m[2]) continue;
    out.push(createHash("sha256").update(m[2], "utf8").digest("base64"));
  }
  return out;
}

/** The distinct inline-script hashes of every page under dir. */
export function inlineScriptHashes(dir: string): string[] {
  const hashes = new Set<string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".html")) for (const h of inlineScriptHashesOf(readFileSync(p, "utf8"))) hashes.add(h);
    }
  };
  walk(dir);
  return [...hashes].sort();
}

export const OTHER_HEADERS: readonly [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
];

/** Run last in the build, after every change to the pages: writes dist/_headers (Netlify) and dist/_csp.txt. */
export function writeDeployHeaders(out: string): string {
  const csp = siteCsp(inlineScriptHashes(out));
  writeFileSync(join(out, "_csp.txt"), csp + "\n");
  writeFileSync(join(out, "_headers"), ["/*", `  Content-Security-Policy: ${csp}`, ...OTHER_HEADERS.map(([k, v]) => `  ${k}: ${v}`)].join("\n") + "\n");
  return csp;
}
