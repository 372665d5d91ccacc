// node-cron only: when to run. What to send is plan.ts, how is deliver.ts.
import cron, { type ScheduledTask } from "node-cron";
import type { Api } from "grammy";
import type { Clock } from "../clock.ts";
import type { RateLimits } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { DEFAULT_DELIVER_OPTIONS, deliverDue, type DeliverOptions, type DeliverReport } from "./deliver.ts";
import { createPlannerState } from "./load-plan-input.ts";
import { DEFAULT_PLANNING_OPTIONS, runBacklogPass, runPlanning, type PlanningOptions, type PlanningReport } from "./planning.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limiter.ts";
import { openBulkSql, type BulkSql } from "./bulk-sql.ts";
import type { PlanningLock } from "./planning-lock.ts";

/** Every minute, on the minute (UTC: the expression has no hour, the zone only names the clock). */
export const TICK_CRON = "* * * * *";
/** Between ticks, while planning has a backlog, a pass writes more of it this often. */
export const BACKLOG_PASS_INTERVAL_MS = 2_000;

export interface ReminderSchedulerDeps {
  db: Db;
  /** grammY's Api (bot.api). */
  api: Api;
  clock: Clock;
  logger: Logger;
  /** rateLimits; databaseUrl (when given) opens a second SQLite connection for bulk planning. */
  config: { rateLimits: RateLimits; databaseUrl?: string };
  /** Waits for retry_after and backoffs (tests inject a fast one). Real timers by default. */
  sleep?: (ms: number) => Promise<void>;
  /** Replaces the limiter built from config.rateLimits. */
  limiter?: RateLimiter;
  options?: Partial<DeliverOptions>;
  /** Told after every tick, and after every backlog pass that delivered (metrics, /healthz). */
  onTick?: (report: TickReport) => void;
  /** Replaces the planning budgets (tests that drive tick() without the passes between ticks). */
  planning?: Partial<PlanningOptions>;
  /**
   * Several instances on one PostgreSQL database: only the holder of this lock plans (each
   * tick asks; a tick that finds the lock free takes it over). Without it every tick plans.
   */
  planningLock?: PlanningLock;
}

export interface TickReport extends PlanningReport, DeliverReport {
  /** A minute's tick, or a backlog pass between two (see ReminderScheduler.pass). */
  kind: "tick" | "pass";
  at: Date;
  durationMs: number;
  /** False when another instance holds the planning lock (this tick only delivered). */
  planner: boolean;
}

const NOT_PLANNED: PlanningReport = { planned: 0, inserted: 0, full: false, backlog: 0 };
const NOT_DELIVERED: DeliverReport = { claimed: 0, sent: 0, messages: 0, failed: 0, skipped: 0, chatsGone: 0, migrated: 0 };

export interface ReminderScheduler {
  /** Runs a first tick at once (catching up on any downtime), then one every minute (node-cron). */
  start(): void;
  /** Stops the cron job and waits for a running tick (it stops between batches). */
  stop(): Promise<void>;
  /**
   * Runs one tick now: plan, then deliver. Never overlaps: called while a tick runs, it runs
   * once more after it (calls in between share that one run), so a status change made during
   * a tick is announced right after it.
   */
  tick(): Promise<TickReport>;
  /**
   * Runs one backlog pass now (what the running scheduler does every BACKLOG_PASS_INTERVAL_MS
   * while planning has a backlog): writes the next slice of it and, when that wrote rows,
   * delivers what is due, so reminders caught up after downtime go out at once rather than at
   * the next minute's tick. Waits for a tick or pass in progress; never runs beside one.
   */
  pass(): Promise<TickReport>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The reminder scheduler: plans and delivers every minute; a missed minute is caught up by the next. */
export function createReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  const sleep = deps.sleep ?? defaultSleep;
  const limits = deps.config.rateLimits;
  const limiter = deps.limiter ?? createRateLimiter({ limits });
  const options: DeliverOptions = {
    ...DEFAULT_DELIVER_OPTIONS,
    concurrency: Math.max(4, Math.ceil(limits.globalPerSecond / 4)),
    // About a second of sends per claim: claims stay short, so the event loop never stalls a burst.
    batchSize: Math.max(50, Math.ceil(limits.globalPerSecond)),
    ...deps.options,
  };
  let state = createPlannerState();
  let planner = deps.planningLock === undefined;
  const planningOptions: PlanningOptions = { ...DEFAULT_PLANNING_OPTIONS, ...deps.planning };
  let bulk: BulkSql | null | undefined;
  let task: ScheduledTask | null = null;
  let stopping = false;
  let running: Promise<TickReport> | null = null;
  let queued: Promise<TickReport> | null = null;
  let ticks = 0;
  let passTimer: NodeJS.Timeout | null = null;

  /**
   * Whether this instance plans this tick (see planningLock). An instance that takes the lock
   * starts from a fresh state: another planned meanwhile, so it plans everything current again
   * (unique keys make that harmless), as after a restart.
   */
  async function checkPlanner(): Promise<void> {
    if (!deps.planningLock) return;
    const held = await deps.planningLock.acquire();
    if (held !== planner) state = createPlannerState();
    planner = held;
  }

  /**
   * One tick (plan, then deliver) or one backlog pass (write the next slice of the backlog, then
   * deliver when it wrote rows: a slice written between ticks is as due as the one the tick
   * wrote, after a restart's catch-up or a burst of follows, and the next tick may be a minute away).
   */
  async function run(kind: "tick" | "pass"): Promise<TickReport> {
    // The clock is read once: planning and the claim both use this instant.
    const now = deps.clock.now();
    const log = deps.logger.child(kind === "tick" ? { job: "reminders", tick: ++ticks } : { job: "reminders" });
    const started = performance.now();
    bulk ??= deps.config.databaseUrl ? openBulkSql(deps.config.databaseUrl) : null;
    await checkPlanner();
    const plan = kind === "tick" ? runPlanning : runBacklogPass;
    const planning = planner ? await plan(deps.db, state, now, bulk, planningOptions) : NOT_PLANNED;
    const delivers = kind === "tick" || planning.inserted > 0;
    const delivery = delivers ? await deliverDue({ db: deps.db, api: deps.api, clock: deps.clock, logger: log, limiter, sleep, options }, now, () => stopping) : NOT_DELIVERED;
    const report: TickReport = { kind, at: now, ...planning, ...delivery, durationMs: Math.round(performance.now() - started), planner };
    // A tick is news when it wrote, claimed or skipped anything; a pass when it claimed.
    const quiet = kind === "tick" ? report.inserted === 0 && report.claimed === 0 && report.skipped === 0 : report.claimed === 0;
    log[quiet ? "debug" : "info"]({ ...report, at: now.toISOString() }, kind === "tick" ? "reminder tick" : "planning backlog pass");
    if (kind === "tick" || report.claimed > 0) deps.onTick?.(report);
    return report;
  }

  /** Runs a pass once no tick or pass is running (they never run side by side). */
  async function pass(): Promise<TickReport> {
    while (running || queued) await (queued ?? running)?.catch(() => undefined);
    const passing = run("pass").finally(() => {
      if (running === passing) running = null;
    });
    running = passing;
    return passing;
  }

  /** While the scheduler runs and planning has a backlog, another pass in a moment. */
  function schedulePass(): void {
    if (!task || stopping || passTimer || !planner || state.backlog.length === 0) return;
    passTimer = setTimeout(() => {
      passTimer = null;
      if (running || stopping) return schedulePass();
      pass().then(schedulePass, (error: unknown) => deps.logger.error({ err: error, job: "reminders" }, "planning backlog pass failed; the next tick retries"));
    }, BACKLOG_PASS_INTERVAL_MS);
    passTimer.unref();
  }

  function tick(): Promise<TickReport> {
    if (!running) {
      running = run("tick").finally(() => {
        running = null;
      });
      return running;
    }
    // Coalesce: one follow-up run covers every call made while this one was busy.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return tick();
      });
    return queued;
  }

  return {
    start() {
      if (task) return;
      stopping = false;
      // A tick or pass still running: tick() runs once more right after it, so no minute is skipped.
      const run = async (): Promise<void> => {
        try {
          await tick();
          schedulePass();
        } catch (error) {
          deps.logger.error({ err: error, job: "reminders" }, "reminder tick failed; the next tick catches up");
        }
      };
      task = cron.schedule(TICK_CRON, run, { timezone: "UTC", noOverlap: true, name: "mindet-reminders" });
      void run();
    },
    async stop() {
      stopping = true;
      if (passTimer) clearTimeout(passTimer);
      passTimer = null;
      if (task) {
        await task.stop();
        await task.destroy();
        task = null;
      }
      await Promise.allSettled([running, queued]);
      bulk?.close();
      bulk = undefined;
      await deps.planningLock?.release();
      planner = deps.planningLock === undefined;
    },
    tick,
    pass,
  };
}
