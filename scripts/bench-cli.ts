// Bench module: `npm run sim` throughput at 1 and 2 worker threads (seeds·steps per second on the default
// settings, 256 seeds × 200 steps, wall time including starting the workers). The outputs are identical
// (test/unit/sim-workers.test.ts); only the time differs. `--workers 2` is one worker thread plus the main
// thread (scripts/sim/workers.ts).
import {availableParallelism, loadavg} from "node:os";
import type {BenchModule, Figure} from "./bench-kit.js";
import {median} from "./bench-kit.js";

const SEEDS = 256;
const STEPS = 200;

export const bench: BenchModule = {
  title: "command-line simulator on worker threads",
  order: 20,
  async run() {
    const {runCli} = await import("./sim.js");
    const rate = async (workers: number): Promise<number> => {
      const times: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        const t0 = performance.now();
        const r = await runCli(["--seeds", String(SEEDS), "--steps", String(STEPS), "--workers", String(workers)], () => {});
        if (r.code !== 0) throw new Error(r.stderr);
        times.push((performance.now() - t0) / 1000);
      }
      return (SEEDS * STEPS) / median(times);
    };
    await runCli(["--seeds", "16", "--steps", "50"], () => {}); // warm-up
    const one = await rate(1);
    const two = await rate(2);
    // the speed-up needs a free second core: say how busy the machine was
    const busy = `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
    const figures: Figure[] = [
      {figure: `sim --workers 1, ${SEEDS} seeds × ${STEPS} steps (median of 3)`, measured: one, unit: "seeds·steps/s", better: "higher"},
      {figure: `sim --workers 2, same run`, measured: two, unit: "seeds·steps/s", better: "higher", previous: {value: one, source: "--workers 1, this run"}, note: `ratio = speed-up; ${busy}`},
    ];
    return figures;
  }
};
