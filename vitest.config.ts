import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Each test file gets its own throwaway SQLite file, so files can run in parallel safely.
    pool: "forks",
    // Vitest's default is one file fewer than the cores: a single file at a time on a 2-core
    // machine, where most files wait on child processes, the emulator or the database (7 min
    // one at a time, under 5 two at a time).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
