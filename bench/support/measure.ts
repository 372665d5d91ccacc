import { trackPeakMemory } from "./peak-memory.ts";

export interface Measured<T> {
  result: T;
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/**
 * Runs `fn` and measures wall time, CPU time (this process, user + system: what the work costs
 * whatever else the shared machine is doing) and peak memory.
 */
export async function measure<T>(label: string, fn: () => Promise<T>, print = true): Promise<Measured<T>> {
  const memory = trackPeakMemory(5);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const peaks = memory.stop();
  const out = { result, ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000), peakRssMb: Math.round(peaks.rss / 2 ** 20), peakHeapMb: Math.round(peaks.heap / 2 ** 20) };
  if (print) console.log(`${label}: ${out.ms} ms (CPU ${out.cpuMs} ms), peak RSS ${out.peakRssMb} MB, peak heap ${out.peakHeapMb} MB, ${JSON.stringify(result)}`);
  return out;
}
