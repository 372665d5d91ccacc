import { pino } from "pino";
import { createApp, type App, type AppOptions } from "../../src/app.ts";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "./db.ts";

/** Mindet as `mindet start` builds it (createApp), on an emulator, a throwaway database and a manual clock. */
export interface TestApp {
  emulator: BotApiEmulator;
  testDb: TestDb;
  clock: ManualClock;
  app: App;
  /** Stops the app, then closes the emulator and deletes the database. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment besides BOT_TOKEN, DATABASE_URL and LOG_LEVEL (ADMIN_IDS, WEBHOOK_URL, ...). */
  env?: NodeJS.ProcessEnv;
  start?: string;
  app?: Partial<Omit<AppOptions, "env" | "db" | "clock" | "logger" | "apiRoot">>;
}

/** Builds and starts the app (long polling unless the env asks for a webhook). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp & { httpPort: number | null }> {
  const emulator = await createBotApiEmulator({ bot: { username: "mindet_test_bot" } });
  const testDb = await createTestDb();
  const clock = createManualClock(options.start ?? "2026-01-15T06:00:00Z"); // 11:00 in Almaty
  const app = await createApp({
    env: { BOT_TOKEN: emulator.token, DATABASE_URL: testDb.url, LOG_LEVEL: "silent", ...options.env },
    apiRoot: emulator.apiRoot,
    db: testDb.db,
    clock,
    logger: pino({ level: "silent" }),
    ...options.app,
  });
  const started = await app.start({ pollTimeoutSeconds: 1 });
  return {
    emulator,
    testDb,
    clock,
    app,
    httpPort: started.httpPort,
    async close() {
      await app.stop();
      await emulator.close();
      await testDb.destroy();
    },
  };
}
