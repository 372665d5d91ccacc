/**
 * Starts one of this directory's thread bodies: `<name>.js` when compiled, `<name>.ts` from the
 * sources, which a fresh thread can only load after registering tsx's loader in it. Shared by the
 * one-document worker (extract-in-worker.ts) and the many-files pool (extract-files.ts).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

export function startThread(name: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const self = import.meta.url;
  const compiled = !self.endsWith(".ts");
  const entry = new URL(`./${name}${compiled ? ".js" : ".ts"}`, self);
  if (compiled) return new Worker(entry, { workerData, resourceLimits });
  // The ES module build of tsx's API (its CommonJS build cannot register from an eval thread).
  const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(self).resolve("tsx/esm/api")), "index.mjs")).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
