/**
 * Base form of an English verb written as a participle or gerund ("expanded" -> "expand",
 * "created" -> "create", "becoming" -> "become"), good enough for imperative titles.
 */
const IRREGULAR: Readonly<Record<string, string>> = {
  built: "build", held: "hold", made: "make", set: "set", done: "do", run: "run", met: "meet", spent: "spend",
  paid: "pay", sent: "send", put: "put", cut: "cut", kept: "keep", brought: "bring", taken: "take", given: "give",
  shown: "show", laid: "lay", sold: "sell", begun: "begin", drawn: "draw", chosen: "choose", written: "write",
  undertaken: "undertake", becoming: "become", making: "make", taking: "take", having: "have", giving: "give",
  using: "use", being: "be", seen: "see", found: "find", led: "lead", won: "win", known: "know", grown: "grow",
};

/** Stems that need their final "e" back once "-ed"/"-ing" is removed. */
const NEEDS_E = /(?:[^aeiou]at|iz|is|ys|uc|nc|rc|ag|dg|rg|ng|iv|av|ov|ev|rv|ur|ir|ar|or|ut|ot|et|id|ud|ad|ed|od|bl|pl|tl|cl|gl|ul|as|os|us|ac|ic|ac|ib|ob|ub|at|ak|ok|uk)$/;
const KEEP_AS_IS = /(?:eat|ee|oo|air|eir|oir|ss|sh|ch|nd|nt|st|rt|ct|pt|ft|lt|ll|rm|rn|wn|ck|lp|mp|sk|rk|en|er|on|ow|ew|aw|ay|ey|oy)$/;

function restore(stem: string): string {
  if (stem.length < 2) return stem;
  if (/([bdgklmnprtz])\1$/.test(stem) && !/(?:ll|ss|zz)$/.test(stem)) return stem.slice(0, -1); // planned -> plan
  if (KEEP_AS_IS.test(stem)) return stem;
  if (/i$/.test(stem)) return `${stem.slice(0, -1)}y`;
  return NEEDS_E.test(stem) ? `${stem}e` : stem;
}

/** The base form of `word`, or the word itself when it is not an -ed/-ing form we know. */
export function lemma(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (/ied$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/ed$/.test(w) && w.length > 4) return restore(w.slice(0, -2));
  if (/ing$/.test(w) && w.length > 5) return restore(w.slice(0, -3));
  return w;
}
