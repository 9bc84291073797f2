/**
 * Minimal benchmark harness: every benchmark measures a candidate and its baselines in the same run and
 * prints throughput ratios, never absolute pass/fail timings. Run all with `npm run bench`.
 */

export interface Measurement {
  name: string;
  opsPerSec: number;
  /** Median time of one operation in nanoseconds, over the timed rounds. */
  nsPerOp: number;
}

/**
 * Runs `fn(i)` for `iterations` calls per round, for several rounds after a warm-up; returns the median.
 * The function's return values are folded into a sink so the JIT cannot drop the work.
 */
export function measure(name: string, fn: (i: number) => unknown, iterations: number, rounds = 7): Measurement {
  let sink = 0;
  const use = (v: unknown): void => {
    sink ^= typeof v === 'number' ? v : typeof v === 'string' ? v.length : v ? 1 : 0;
  };
  for (let i = 0; i < Math.min(iterations, 2_000); i++) use(fn(i)); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) use(fn(i));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  if (sink === 0.5) console.log('unreachable'); // keep sink alive
  return { name, opsPerSec: (iterations / median) * 1000, nsPerOp: (median * 1e6) / iterations };
}

/** Prints a table of measurements with each one's ratio against `baseline`. */
export function report(title: string, candidate: Measurement, baselines: Measurement[]): Record<string, number> {
  console.log(`\n## ${title}`);
  const rows = [candidate, ...baselines];
  for (const m of rows) {
    console.log(
      `${m.name.padEnd(58)} ${m.opsPerSec.toExponential(3).padStart(10)} ops/s ${m.nsPerOp.toFixed(0).padStart(9)} ns/op`,
    );
  }
  const ratios: Record<string, number> = {};
  for (const b of baselines) {
    const ratio = candidate.opsPerSec / b.opsPerSec;
    ratios[b.name] = ratio;
    console.log(`ratio ${candidate.name} / ${b.name}: ${ratio.toFixed(1)}×`);
  }
  return ratios;
}
