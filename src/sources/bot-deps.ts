import type { SourcePoller } from "./poller.ts";

/** What the bot's /sources, /addsource, /removesource and /poll need beyond the usual BotDeps. */
export interface SourcesBotDeps {
  poller: SourcePoller;
  /** SOURCES_ALLOW_PRIVATE: admins may add private addresses. */
  allowPrivate: boolean;
}
