// "Sent" is recorded in group commits: every chat's sender waits until its rows are marked sent,
// as before, but the marks of all the senders that finished meanwhile go in one statement. One
// UPDATE per message was a database round trip per message: at 1,000 messages a second the
// process spent more time in the driver than in sending.
//
// The bound on duplicates after a crash does not move: a sender takes its next chat only after
// its marks are written, so accepted-but-unrecorded messages are still at most the senders
// (DeliverOptions.concurrency).
import type { Db } from "../db/client.ts";
import { markSent, type SentMark } from "./outbox.ts";

export interface SentRecorder {
  /** Resolves once these rows are recorded as sent (rejects when that statement failed). */
  record(mark: SentMark): Promise<void>;
}

interface Waiting {
  mark: SentMark;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A recorder writing marks through `db`, at most one statement at a time; `now` stamps them. */
export function createSentRecorder(db: Db, now: () => Date): SentRecorder {
  let waiting: Waiting[] = [];
  let writing = false;

  // While one statement runs, the marks that arrive wait for the next: it takes all of them.
  const flush = async (): Promise<void> => {
    writing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        try {
          await markSent(db, batch.map((w) => w.mark), now());
          for (const w of batch) w.resolve();
        } catch (error) {
          // Each sender fails its own rows (deliver.ts), as when it wrote them itself.
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      writing = false;
    }
  };

  return {
    record(mark) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ mark, resolve, reject });
        if (!writing) void flush();
      });
    },
  };
}
