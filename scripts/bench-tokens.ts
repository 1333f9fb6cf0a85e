// Token-level toy benchmarks (called by `npm run bench`, or run directly: `npx tsx scripts/bench-tokens.ts`).
// benchTokensNode: RL steps per second of one seed at the defaults (64 × 16 responses, L 8, V 16) and in
// the note's other configurations, and the wall time of a paired 16-seed × 200-step ensemble, in Node.
// benchTokensBrowser: the page's own worker bundle in Chromium running 8 paired seeds × 200 steps.
// Prints figures only; asserts nothing (timed tests are not allowed on a shared machine).
import { pathToFileURL } from "node:url";
import { resolveTokenConfig, runTokenEnsemble, TokenSimulator } from "../src/lib/toy/tokens/index.js";

function stepsPerSecond(overrides: Record<string, unknown>, ms = 1000): number {
  const sim = new TokenSimulator(resolveTokenConfig(overrides), 12345);
  const row = new Float64Array(sim.metricNames.length);
  for (let i = 0; i < 20; i++) { sim.advance(); sim.writeMetrics(row, 0); } // warm-up
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < ms) { sim.advance(); sim.writeMetrics(row, 0); n++; }
  return n / ((performance.now() - t0) / 1000);
}

export async function benchTokensNode(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const [label, o] of [["defaults", {}], ["B 16", { promptsPerStep: 16 }], ["L 16", { L: 16 }], ["V 64", { V: 64 }], ["Adam", { optimizer: "adam", lr: 0.02 }]] as const) {
    const sps = stepsPerSecond(o);
    out[`token model, ${label}: RL steps per second`] = `${Math.round(sps)} (${(1000 / sps).toFixed(2)} ms per step)`;
  }
  const a = resolveTokenConfig({}), b = resolveTokenConfig({ clip: { enabled: false } });
  const t0 = performance.now();
  runTokenEnsemble(a, 16, b);
  out["token model: 16 seeds × 200 steps paired clip on/off"] = `${(performance.now() - t0).toFixed(0)} ms`;
  return out;
}

export async function benchTokensBrowser({ dist }: { dist: string }): Promise<Record<string, number | string>> {
  const { chromium } = await import("playwright-core");
  const { startStaticServer } = await import("./static-server.js");
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import("../test/e2e/chromium.js");
  const server = await startStaticServer(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${server.origin}/toy-tokens?seeds=4&cfg=%7B%22steps%22%3A20%7D`);
    await page.waitForFunction(() => document.querySelector('[data-testid="tt-app"]')?.getAttribute("data-state") === "done", undefined, { timeout: 120_000 });
    const url = requests.find((u) => /toy-tokens-worker\.[0-9a-f]+\.js$/.test(u));
    if (!url) throw new Error("token worker bundle not found");
    const ms = await page.evaluate(async (u) => {
      const w = new Worker(u, { type: "module" });
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        w.onmessage = (ev) => { if (ev.data.type === "done") resolve(); else if (ev.data.type === "error") reject(new Error(ev.data.message)); };
        w.postMessage({ type: "run", id: 1, a: {}, b: { clip: { enabled: false } }, seeds: 8, metrics: ["atpContent"] });
      });
      w.terminate();
      return performance.now() - t0;
    }, url);
    return {
      "token worker: 8 seeds × 200 steps paired clip on/off": `${ms.toFixed(0)} ms (${Math.round((8 * 2 * 200) / (ms / 1000))} RL steps per second)`,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [k, v] of Object.entries(await benchTokensNode())) console.log(`${k}\t${v}`);
}

// The `npm run bench` driver's entry (scripts/bench-kit.ts): the two sections above as table rows.
export const bench: import("./bench-kit.js").BenchModule = {
  title: "token-level toy in Node and in the page's worker",
  order: 35,
  needsSite: true,
  async run({ dist }) {
    const { figuresFromRecord } = await import("./bench-kit.js");
    return [...figuresFromRecord(await benchTokensNode()), ...figuresFromRecord(await benchTokensBrowser({ dist }))];
  },
};
