import { TOPICS, type Topic } from "../extraction/types.ts";

// Short words people type for each topic ("/follow digital"). Each topic also answers to its
// own full name and to any of its words longer than two letters ("law", "trade", "foreign").
const ALIASES: Record<string, Topic> = {
  digital: "digital & AI",
  ai: "digital & AI",
  it: "digital & AI",
  tech: "digital & AI",
  justice: "justice & law",
  law: "justice & law",
  courts: "justice & law",
  environment: "environment",
  ecology: "environment",
  climate: "environment",
  transport: "transport & logistics",
  logistics: "transport & logistics",
  economy: "economy & trade",
  trade: "economy & trade",
  social: "social policy",
  security: "security & foreign affairs",
  foreign: "security & foreign affairs",
  defence: "security & foreign affairs",
  defense: "security & foreign affairs",
  energy: "energy",
  health: "health",
  healthcare: "health",
  education: "education",
  schools: "education",
};

/** The topic a person meant by `text` ("digital", "Digital & AI", "economy"), or null for none. */
export function resolveTopic(text: string): Topic | null {
  const wanted = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (wanted === "") return null;
  const exact = TOPICS.find((t) => t.toLowerCase() === wanted || t.toLowerCase().replace(" & ", " and ") === wanted);
  if (exact) return exact;
  // Own properties only: "constructor" or "__proto__" are not topics.
  return Object.hasOwn(ALIASES, wanted) ? (ALIASES[wanted] ?? null) : null;
}

/** The short alias shown in buttons and help for a topic ("digital" for "digital & AI"). */
export function topicShortName(topic: Topic): string {
  const first = topic.split(/[ &]+/)[0] ?? topic;
  return first.toLowerCase();
}

export { TOPICS, type Topic };
