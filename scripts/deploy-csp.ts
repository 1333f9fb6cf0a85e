// The Content-Security-Policy the README's "Deploying" section recommends; the end-to-end suite runs every
// page under exactly this policy (test/e2e/csp.test.ts), and a unit test checks the README quotes it.
// Why each source is there:
// - script-src 'unsafe-inline': Framework writes each page's code as an inline <script type="module">;
// - script-src 'unsafe-eval': arquero compiles its table expressions with new Function;
// - script-src 'wasm-unsafe-eval': DuckDB-wasm compiles WebAssembly (the query page, the toy's runs table);
// - style-src 'unsafe-inline': Framework and Plot set style attributes and inline <style> elements;
// - img-src data:: the empty favicon and Framework's inline SVG icons are data: URLs;
// - worker-src 'self': the toy's simulation worker and DuckDB's worker are same-origin files.
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'",
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
