/**
 * Topics by transparent keyword rules: each topic has a few word-bounded patterns; a pattern
 * found in the quote scores 2, in the article title 1. Topics scoring at least 2 and at least
 * a third of the best score are kept (at most three, best first). When nothing scores, the body decides
 * (Ministry of Justice -> justice & law), and "economy & trade" is the last resort, so every
 * commitment has at least one topic.
 */
import { TOPICS, type Topic } from "./types.js";

export const TOPIC_RULES: Readonly<Record<Topic, readonly RegExp[]>> = {
  "digital & AI": [/\bdigital\w*/i, /\bartificial intelligence\b/i, /\bAI\b/, /\bIT\b/, /\be-?gov\w*/i, /\bonline\b/i, /\bplatforms?\b/i, /\bdata\b/i, /\bcyber\w*/i, /\bsoftware\b/i, /\bstart-?ups?\b/i, /\btechnolog\w*/i, /\binternet\b/i, /\bbroadband\b/i, /\b5G\b/, /\bsmart city\b/i, /\bcrypto\w*/i, /\bblockchain\b/i, /\bautomat\w*/i],
  "justice & law": [/\blaws?\b/i, /\blegal\b/i, /\blegislat\w*/i, /\bcourts?\b/i, /\bjudic\w*/i, /\bjustice\b/i, /\bjudges?\b/i, /\bbills?\b/i, /\bdecrees?\b/i, /\bcodes?\b/i, /\bamendments?\b/i, /\bprosecut\w*/i, /\bcrim\w*/i, /\bpolice\b/i, /\bcorruption\b/i, /\btrademarks?\b/i, /\bintellectual property\b/i, /\bcassation\b/i, /\benforcement\b/i],
  environment: [/\benvironment\w*/i, /\becolog\w*/i, /\bwaste\b/i, /\brecycl\w*/i, /\bemissions?\b/i, /\bclimate\b/i, /\bpollution\b/i, /\bgreen\b/i, /\bforest\w*/i, /\bbiodiversity\b/i, /\blandfill\w*/i, /\bair quality\b/i, /\bwater resources\b/i, /\bcarbon\b/i],
  "transport & logistics": [/\btransport\w*/i, /\blogistic\w*/i, /\brail\w*/i, /\broads?\b/i, /\bhighways?\b/i, /\bports?\b/i, /\bairports?\b/i, /\baviation\b/i, /\btransit\b/i, /\bcargo\b/i, /\bcontainer\b/i, /\bhubs?\b/i, /\bcorridors?\b/i, /\bfreight\b/i, /\bmetro\b/i, /\bLRT\b/],
  "economy & trade": [/\beconom\w*/i, /\btrade\b/i, /\binvest\w*/i, /\bexports?\b/i, /\bimports?\b/i, /\btax\w*/i, /\bbudget\w*/i, /\bbusiness\w*/i, /\bentrepreneur\w*/i, /\bspecial economic zones?\b/i, /\bindustr\w*/i, /\bmanufactur\w*/i, /\bGDP\b/, /\btenge\b/i, /\bfinanc\w*/i, /\bmarkets?\b/i, /\bprivati[sz]\w*/i, /\btariffs?\b/i],
  "social policy": [/\bsocial\b/i, /\bpensions?\b/i, /\bbenefits?\b/i, /\bhousing\b/i, /\bwages?\b/i, /\bsalar\w*/i, /\bemployment\b/i, /\blabou?r\b/i, /\bjobs?\b/i, /\bpoverty\b/i, /\bfamil\w*/i, /\bchild\w*/i, /\bdisabilit\w*/i, /\bvisually impaired\b/i, /\bwell-being\b/i],
  "security & foreign affairs": [/\bsecurity\b/i, /\bdefen[cs]e\b/i, /\bmilitary\b/i, /\bforeign\b/i, /\bdiplomat\w*/i, /\bCSTO\b/, /\bUN\b/, /\bUnited Nations\b/i, /\bIAEA\b/, /\btreat(?:y|ies)\b/i, /\bambassadors?\b/i, /\bterror\w*/i, /\bextremis\w*/i, /\bweapons?\b/i, /\binternational cooperation\b/i, /\bborders?\b/i],
  energy: [/\benergy\b/i, /\bpower plants?\b/i, /\belectric\w*/i, /\bgas\b/i, /\boil\b/i, /\bcoal\b/i, /\brenewable\w*/i, /\bnuclear power\b/i, /\bheating\b/i, /\bwaste-to-energy\b/i, /\bfuel\b/i, /\bgrids?\b/i, /\bhydro\w*/i, /\bsolar\b/i, /\bwind\b/i],
  health: [/\bhealth\w*/i, /\bhospitals?\b/i, /\bmedic\w*/i, /\bclinics?\b/i, /\bdoctors?\b/i, /\bpharma\w*/i, /\bvaccin\w*/i, /\bdiseases?\b/i, /\bepidemi\w*/i, /\bsanitary\b/i],
  education: [/\beducation\w*/i, /\bschools?\b/i, /\buniversit\w*/i, /\bstudents?\b/i, /\bteachers?\b/i, /\btraining\b/i, /\bSTEM\b/, /\bliteracy\b/i, /\bkindergartens?\b/i, /\bacademic\w*/i, /\bscholarships?\b/i],
};

/** Body keyword -> topic, for commitments whose own words name no topic. */
const BODY_TOPICS: readonly [RegExp, Topic][] = [
  [/justice|court|prosecut|internal affairs|police/i, "justice & law"],
  [/ecolog|environment|natural resources/i, "environment"],
  [/transport/i, "transport & logistics"],
  [/energy/i, "energy"],
  [/health/i, "health"],
  [/education|science|enlightenment/i, "education"],
  [/foreign|defen[cs]e|security/i, "security & foreign affairs"],
  [/digital|artificial intelligence/i, "digital & AI"],
  [/labou?r|social/i, "social policy"],
  [/trade|industry|economy|finance|national bank/i, "economy & trade"],
];

interface IndexedRule {
  topic: number;
  /** The rule's opening letters, lower case: the text must start with them where the rule matches. */
  prefix: string;
  /** The rule's own pattern, sticky: tried only at candidate positions. */
  sticky: RegExp;
}

/** Literal letters a rule opens with after its `\b`, lower case, at most `PREFIX_CHARS` (an optional letter ends them). */
const PREFIX_CHARS = 3;
function literalPrefix(source: string): string {
  let out = "";
  for (let i = 2; i < source.length && out.length < PREFIX_CHARS; i++) {
    const c = source.charAt(i);
    if (!/[A-Za-z0-9 -]/.test(c) || /[?*{]/.test(source.charAt(i + 1))) break;
    out += c.toLowerCase();
  }
  return out;
}

/**
 * Every rule is `\b` followed by a literal letter or digit, so a rule matches somewhere in a text
 * exactly when it matches at some position where the alternation of all rules matches too: one
 * scan of that alternation, restarted one character after each hit so that no start is skipped,
 * finds those positions, and there only the rules whose opening letters are there are tried. The
 * case-sensitive rules (AI, UN, GDP ...) have their own scan. This replaces a scan of the text per
 * topic (issue 13).
 */
function indexRules(caseInsensitive: boolean): { scan: RegExp; rules: IndexedRule[] } {
  const rules: IndexedRule[] = [];
  TOPICS.forEach((topic, t) => {
    for (const re of TOPIC_RULES[topic]) {
      if (re.flags.includes("i") !== caseInsensitive) continue;
      if (!/^\\b[A-Za-z0-9]/.test(re.source)) throw new Error(`topic rule ${re.source}: must open with \\b and a letter or digit`);
      rules.push({ topic: t, prefix: literalPrefix(re.source), sticky: new RegExp(re.source, `${re.flags}y`) });
    }
  });
  const scan = new RegExp(`\\b(?:${rules.map((r) => r.sticky.source.slice(2)).join("|")})`, caseInsensitive ? "gi" : "g");
  return { scan, rules };
}

const RULE_INDEXES = [indexRules(true), indexRules(false)];

/** The rules that may match where the text opens with `opening` (lower case), by opening: a bounded set of short keys. */
const rulesOpening = RULE_INDEXES.map(() => new Map<string, number[]>());

function candidates(index: number, opening: string): number[] {
  const known = rulesOpening[index]?.get(opening);
  if (known) return known;
  const rules = RULE_INDEXES[index]?.rules ?? [];
  const picked: number[] = [];
  rules.forEach((r, i) => { if (opening.startsWith(r.prefix)) picked.push(i); });
  rulesOpening[index]?.set(opening, picked);
  return picked;
}

/** Rule hits per topic: how many of a topic's rules match somewhere in `text`. */
function score(text: string): number[] {
  const hit = TOPICS.map(() => 0);
  RULE_INDEXES.forEach(({ scan, rules }, index) => {
    let found: boolean[] | null = null;
    scan.lastIndex = 0;
    for (let m = scan.exec(text); m; m = scan.exec(text)) {
      const at = m.index;
      scan.lastIndex = at + 1;
      found ??= rules.map(() => false);
      for (const i of candidates(index, text.slice(at, at + PREFIX_CHARS).toLowerCase())) {
        const r = rules[i];
        if (!r || found[i] === true) continue;
        r.sticky.lastIndex = at;
        if (!r.sticky.test(text)) continue;
        found[i] = true;
        hit[r.topic] = (hit[r.topic] ?? 0) + 1;
      }
    }
  });
  return hit;
}

/**
 * Rule hits per topic for one text. Every commitment of an article scores the same title, and
 * every commitment of a sentence the same quote: the last few texts are remembered (issue 13).
 */
const recent = new Map<string, number[]>();
const RECENT_TEXTS = 64;

function scores(text: string): number[] {
  let hit = recent.get(text);
  if (hit) return hit;
  hit = score(text);
  if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value ?? "");
  recent.set(text, hit);
  return hit;
}

/** Topics for a commitment: never empty. */
export function classifyTopics(quote: string, articleTitle: string | null, body: string | null): Topic[] {
  const inQuote = scores(quote);
  const inTitle = scores(articleTitle ?? "");
  const score = TOPICS.map((_, i) => 2 * (inQuote[i] ?? 0) + (inTitle[i] ?? 0));
  const best = Math.max(...score);
  const kept: number[] = [];
  score.forEach((n, i) => { if (n >= 2 && n * 3 >= best) kept.push(i); });
  if (kept.length > 0) {
    // A stable sort: ties keep the order of TOPICS.
    kept.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0));
    return kept.slice(0, 3).map((i) => TOPICS[i] ?? "economy & trade");
  }
  const fromBody = body ? BODY_TOPICS.find(([re]) => re.test(body))?.[1] : undefined;
  return [fromBody ?? "economy & trade"];
}
