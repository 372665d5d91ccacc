import type { EmulatorControlClient } from "../../src/testing/emulator-control-client.ts";
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

/** What the emulator accepted: messages per chat, the span from first to last, and the rate over it. */
export interface DeliveryCount {
  accepted: number;
  perChat: Map<number, number>;
  first: number;
  last: number;
  /** n messages span n-1 gaps: the rate is (n - 1) / span, per second. */
  rate: number;
  tooManyRequests: number;
}

export async function countDelivered(emulator: { client: EmulatorControlClient }): Promise<DeliveryCount> {
  const accepted = (await emulator.client.getCalls({ method: "sendMessage" })).filter((c) => c.outcome.kind === "response" && c.outcome.body.ok);
  const stats = await emulator.client.getStats();
  const perChat = new Map<number, number>();
  for (const c of accepted) perChat.set(Number(c.params["chat_id"]), (perChat.get(Number(c.params["chat_id"])) ?? 0) + 1);
  const first = accepted[0]?.time ?? 0;
  const last = accepted.at(-1)?.time ?? 0;
  return { accepted: accepted.length, perChat, first, last, rate: (accepted.length - 1) / ((last - first) / 1000), tooManyRequests: stats.tooManyRequests };
}
