import { todayIn } from "../calendar.ts";
import type { BotDeps } from "./deps.ts";

/** Today in the government's time zone: decides what is overdue and how many days are left. */
export function today(deps: Pick<BotDeps, "config" | "clock">): string {
  return todayIn(deps.config.defaultTimeZone, deps.clock.now());
}
