import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Each test file gets its own throwaway SQLite file, so files can run in parallel safely.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
