// Adding, listing and removing live sources: the operations behind `mindet sources` and the
// admins' /addsource, /sources, /removesource.
import type { Db } from "../db/client.ts";
import { parseSourceUrl } from "./address-guard.ts";
import { DEFAULT_EVERY_MINUTES, MIN_EVERY_MINUTES } from "./next-poll.ts";
import { checkLinkPattern } from "./parse-listing.ts";
import { SourceError } from "./source-error.ts";

/** Longest interval an admin may set: a week (the backoff cap is a day; this is a choice, not a failure). */
export const MAX_EVERY_MINUTES = 7 * 24 * 60;

export interface AddFeedInput {
  url: string;
  linkPattern?: string | null;
  everyMinutes?: number | null;
  starter?: boolean;
  allowPrivate: boolean;
  now: Date;
}

export interface AddFeedResult {
  id: number;
  url: string;
  /** False when the URL was already a source (nothing changed). */
  created: boolean;
}

/** Checks and stores a source, to be polled at once. Throws SourceError with a one-line reason for bad input. */
export async function addFeed(db: Db, input: AddFeedInput): Promise<AddFeedResult> {
  // The URL as given (host lower-cased, fragment dropped): a feed's query may be meaningful ("?rss=1").
  const url = parseSourceUrl(input.url, input.allowPrivate).href;
  const every = input.everyMinutes ?? DEFAULT_EVERY_MINUTES;
  if (!Number.isInteger(every) || every < MIN_EVERY_MINUTES || every > MAX_EVERY_MINUTES) {
    throw new SourceError(`the interval must be a whole number of minutes from ${MIN_EVERY_MINUTES} to ${MAX_EVERY_MINUTES}`);
  }
  const pattern = input.linkPattern?.trim() || null;
  if (pattern !== null) {
    const problem = checkLinkPattern(pattern);
    if (problem) throw new SourceError(problem);
  }
  const existing = await db.feed.findUnique({ where: { url }, select: { id: true } });
  if (existing) return { id: existing.id, url, created: false };
  const feed = await db.feed.create({
    data: { url, linkPattern: pattern, everyMinutes: every, starter: input.starter ?? false, nextPollAt: input.now },
    select: { id: true },
  });
  return { id: feed.id, url, created: true };
}

export interface FeedHealth {
  id: number;
  url: string;
  kind: string | null;
  linkPattern: string | null;
  everyMinutes: number;
  title: string | null;
  lastPolledAt: Date | null;
  nextPollAt: Date;
  lastStatus: string | null;
  lastError: string | null;
  failures: number;
  itemsSeen: number;
  commitmentsFound: number;
  starter: boolean;
}

export async function listFeeds(db: Db): Promise<FeedHealth[]> {
  return db.feed.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true, url: true, kind: true, linkPattern: true, everyMinutes: true, title: true, lastPolledAt: true, nextPollAt: true,
      lastStatus: true, lastError: true, failures: true, itemsSeen: true, commitmentsFound: true, starter: true,
    },
  });
}

/**
 * Removes a source and what it remembers of its items. The documents and commitments it brought
 * stay: they are the record, and their followers still expect their reminders. False when no such source.
 */
export async function removeFeed(db: Db, id: number): Promise<boolean> {
  const deleted = await db.feed.deleteMany({ where: { id } });
  return deleted.count > 0;
}
