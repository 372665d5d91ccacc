// A store whose scorecard is known by hand: every outcome, the zone boundary of "on time", a
// restatement published earlier than the first report stored, a slip, a postponement, a first date
// given later ("dated", not a move), and what must not count (withdrawn, merged away).
import type { Db } from "../../src/db/client.ts";

/** Now: 11:00 on 15 June 2026 in Almaty. */
export const NOW = new Date("2026-06-15T06:00:00Z");
export const ENERGY = "Ministry of Energy";
export const TRANSPORT = "Ministry of Transport";

export interface SeededScorecard {
  /** Ids by the names used below. */
  ids: Record<string, number>;
}

interface Spec {
  name: string;
  body: string | null;
  status?: string;
  extractedDueOn?: string | null;
  dueOn?: string | null;
  precision?: string;
  publishedOn?: string;
  withdrawn?: boolean;
}

const at = (iso: string): Date => new Date(iso);

export async function seedScorecard(db: Db): Promise<SeededScorecard> {
  const source = await db.source.create({ data: { path: "/seed/scorecard.txt", file: "scorecard.txt", contentHash: "x", content: "scorecard seed", publishedOn: "2026-01-10" } });
  const second = await db.source.create({ data: { path: "/seed/restated.txt", file: "restated.txt", contentHash: "y", content: "restated", publishedOn: "2026-01-05" } });
  const ids: Record<string, number> = {};
  const make = async (spec: Spec): Promise<number> => {
    const extracted = spec.extractedDueOn === undefined ? "2026-03-31" : spec.extractedDueOn;
    const row = await db.commitment.create({
      data: {
        sourceId: source.id,
        key: spec.name,
        title: `Commitment ${spec.name}`,
        responsible: spec.body,
        body: spec.body,
        extractedDueOn: extracted,
        dueOn: spec.dueOn === undefined ? extracted : spec.dueOn,
        precision: spec.precision ?? (extracted === null ? "vague" : "day"),
        publishedOn: spec.publishedOn ?? "2026-01-10",
        quote: `${spec.name} must be done.`,
        quoteStart: 0,
        quoteEnd: 10,
        status: spec.status ?? "open",
        withdrawnAt: spec.withdrawn ? at("2026-02-01T00:00:00Z") : null,
      },
    });
    ids[spec.name] = row.id;
    return row.id;
  };
  const change = (name: string, toStatus: string, when: string, extra: { fromStatus?: string; fromDueOn?: string; toDueOn?: string } = {}) =>
    db.statusChange.create({ data: { commitmentId: ids[name]!, at: at(when), fromStatus: extra.fromStatus ?? "open", toStatus, fromDueOn: extra.fromDueOn ?? null, toDueOn: extra.toDueOn ?? null } });
  const mention = (name: string, sourceId: number, publishedOn: string | null, dueOn: string | null, precision = "day") =>
    db.mention.create({ data: { commitmentId: ids[name]!, sourceId, key: `${name}:${sourceId}`, publishedOn, quote: "q", quoteStart: 0, quoteEnd: 1, dueOn, precision } });

  // Ministry of Energy: 8 counted.
  await make({ name: "E1", body: ENERGY, status: "done" });
  await change("E1", "done", "2026-03-31T18:30:00Z"); // 23:30 on 31 March in Almaty: on time
  await make({ name: "E2", body: ENERGY, status: "done" });
  await change("E2", "done", "2026-03-31T19:30:00Z"); // 00:30 on 1 April in Almaty: late (UTC still says 31 March)
  // E3: its stored report says Q2, but another outlet had stated Q1 earlier; it slipped, then was done in May: late.
  await make({ name: "E3", body: ENERGY, status: "done", extractedDueOn: "2026-06-30", precision: "quarter" });
  await mention("E3", source.id, "2026-02-01", "2026-06-30", "quarter");
  const earlier = await mention("E3", second.id, "2026-01-05", "2026-03-31", "quarter");
  await db.dueChange.create({ data: { commitmentId: ids.E3!, mentionId: earlier.id, fromDueOn: "2026-03-31", fromPrecision: "quarter", toDueOn: "2026-06-30", toPrecision: "quarter", kind: "slip", statedOn: "2026-02-01", at: at("2026-02-01T06:00:00Z") } });
  await change("E3", "done", "2026-05-10T06:00:00Z");
  await make({ name: "E4", body: ENERGY, status: "missed" });
  await change("E4", "missed", "2026-04-02T06:00:00Z");
  // E5: postponed from 1 April to 1 May, and now past that too: overdue, moved 30 days.
  await make({ name: "E5", body: ENERGY, status: "postponed", extractedDueOn: "2026-04-01", dueOn: "2026-05-01" });
  await change("E5", "postponed", "2026-03-20T06:00:00Z", { fromDueOn: "2026-04-01", toDueOn: "2026-05-01" });
  await make({ name: "E6", body: ENERGY, extractedDueOn: "2026-12-31", precision: "quarter" });
  await make({ name: "E7", body: ENERGY, extractedDueOn: null });
  await make({ name: "E10", body: ENERGY, status: "done", extractedDueOn: null });
  await change("E10", "done", "2026-02-01T06:00:00Z");
  // Not counted: withdrawn from its source, and merged into E1.
  await make({ name: "E8", body: ENERGY, withdrawn: true, extractedDueOn: "2026-01-31" });
  await make({ name: "E9", body: ENERGY, extractedDueOn: "2026-01-31" });
  await db.commitment.update({ where: { id: ids.E9! }, data: { mergedIntoId: ids.E1! } });

  // Ministry of Transport: 3 counted.
  await make({ name: "T1", body: TRANSPORT, status: "done", precision: "quarter" });
  await change("T1", "done", "2026-02-01T06:00:00Z");
  await make({ name: "T2", body: TRANSPORT, status: "cancelled" });
  await change("T2", "cancelled", "2026-02-01T06:00:00Z");
  // T3: first reported undated, dated by a later report: not a move; its first stated date is 30 September.
  await make({ name: "T3", body: TRANSPORT, extractedDueOn: null, dueOn: "2026-09-30" });
  await mention("T3", source.id, "2026-01-10", null, "vague");
  const dated = await mention("T3", second.id, "2026-02-01", "2026-09-30", "quarter");
  await db.dueChange.create({ data: { commitmentId: ids.T3!, mentionId: dated.id, fromDueOn: null, fromPrecision: "vague", toDueOn: "2026-09-30", toPrecision: "quarter", kind: "dated", statedOn: "2026-02-01", at: at("2026-02-01T06:00:00Z") } });

  // No body named: one, overdue.
  await make({ name: "N1", body: null, extractedDueOn: "2026-01-31" });
  return { ids };
}
