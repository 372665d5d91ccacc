/** The pipeline's steps one by one: normalisation, articles, sentences, actors, titles, topics. */
import { describe, expect, it } from "vitest";
import {
  canonicalBody, classifyTopics, extractDocument, normaliseText, splitArticles, splitSentences, splitUnits, toOriginalSpan,
} from "../../src/extraction/index.js";

describe("normaliseText", () => {
  it("replaces Cyrillic look-alikes only inside otherwise Latin words", () => {
    expect(normaliseText("published \u043en July 31").text).toBe("published on July 31");
    expect(normaliseText("Ministry \u0440lans").text).toBe("Ministry plans");
    expect(normaliseText("\u0410\u043a\u043e\u0440\u0434\u0430 \u0441\u043e\u043e\u0431\u0449\u0430\u0435\u0442").text).toBe("\u0410\u043a\u043e\u0440\u0434\u0430 \u0441\u043e\u043e\u0431\u0449\u0430\u0435\u0442");
  });

  it("normalises spaces, quotes, dashes, ellipses and bullets", () => {
    expect(normaliseText("March\u00a01,\u202f2026").text).toBe("March 1, 2026");
    expect(normaliseText("\u201cDigital Kazakhstan\u201d \u2018x\u2019 \u00abY\u00bb").text).toBe('"Digital Kazakhstan" \'x\' "Y"');
    expect(normaliseText("ASTANA \u2013 The \u2014 end\u2026").text).toBe("ASTANA - The - end...");
    expect(normaliseText("\u2022 item").text).toBe("- item");
    expect(normaliseText("a\u200bb\r\nc").text).toBe("ab\nc");
  });

  it("maps normalised offsets back to the original text", () => {
    const original = "A\u00a0\u201cquote\u201d\u2026 then \u043en July\u200b 31.";
    const norm = normaliseText(original);
    const at = norm.text.indexOf("on July 31");
    const [s, e] = toOriginalSpan(norm, at, at + "on July 31".length);
    expect(original.slice(s, e)).toBe("\u043en July\u200b 31");
    const dots = norm.text.indexOf("...");
    expect(original.slice(...toOriginalSpan(norm, dots, dots + 3))).toBe("\u2026");
  });

  it("maps every normalised character back to the one original character that produced it", () => {
    // Drops at both ends and in a row, a one-to-three replacement twice in a row, a CR LF.
    const original = "\u200b\u200bA\u2026\u00ad\u00adb \u201cc\u201d\u2014\r\n\u2026\u2026x\ufeff";
    const norm = normaliseText(original);
    expect(norm.text).toBe('A...b "c"-\n......x');
    let last = -1;
    for (let p = 0; p < norm.text.length; p++) {
      const [s, e] = toOriginalSpan(norm, p, p + 1);
      expect(e).toBe(s + 1);
      expect(s).toBeGreaterThanOrEqual(last);
      expect(normaliseText(original.charAt(s)).text).toContain(norm.text.charAt(p));
      last = s;
    }
    expect(toOriginalSpan(norm, 0, norm.text.length)).toEqual([2, original.length - 1]);
    expect(toOriginalSpan(norm, norm.text.length, norm.text.length)).toEqual([original.length, original.length]);
    expect(toOriginalSpan(normaliseText("plain"), 1, 3)).toEqual([1, 3]);
  });
});

describe("splitSentences", () => {
  const sentences = (t: string): string[] => splitSentences(t).map(([s, e]) => t.slice(s, e));

  it("survives abbreviations, initials, decimals and acronyms", () => {
    expect(sentences("He spoke on Sept. 8 in Astana. The U.S. delegation came. Mr. K. Tokayev said 4.5% is No. 1 e.g. here. GC(67)/RES/15 was cited. Done!"))
      .toEqual(["He spoke on Sept. 8 in Astana.", "The U.S. delegation came.", "Mr. K. Tokayev said 4.5% is No. 1 e.g. here.", "GC(67)/RES/15 was cited.", "Done!"]);
  });

  it("ends a sentence before a quote or bracket", () => {
    expect(sentences('He said so. "We will act," he added. (...) Based on this.')).toEqual(["He said so.", '"We will act," he added.', "(...)", "Based on this."]);
  });
});

describe("splitUnits and bullets", () => {
  it("links bullets to their lead-in and inherits actor and verb", () => {
    const text = " date 2025-11-26\nTitle of the item\nThe Prime Minister instructed the responsible government bodies, together with the quasi-public sector, to:\n\u2022 by 5 December 2025 \u2013 formulate \u201cicebreaker projects\u201d;\n\u2022 by 31 December 2025 \u2013 complete the draft Strategy.\n";
    const units = splitUnits(normaliseText(text).text, 0, text.length);
    const bullets = units.filter((u) => u.kind === "bullet");
    expect(bullets).toHaveLength(2);
    expect(units[bullets[0]?.leadIn ?? -1]?.text).toMatch(/instructed the responsible government bodies/);
    const { commitments } = extractDocument(text);
    expect(commitments.map((c) => [c.due, c.responsible, c.body, c.title])).toEqual([
      ["2025-12-05", "responsible government bodies", "Government bodies", 'Formulate "icebreaker projects"'],
      ["2025-12-31", "responsible government bodies", "Government bodies", "Complete the draft Strategy"],
    ]);
    expect(commitments[0]?.quote).toBe("\u2022 by 5 December 2025 \u2013 formulate \u201cicebreaker projects\u201d;");
  });
});

describe("splitArticles: the three shapes", () => {
  it("reads the header date", () => {
    const a = splitArticles(" date 2025-09-08 ASTANA - The President spoke.\n\nMore text.\n", null);
    expect(a.map((x) => x.published)).toEqual(["2025-09-08"]);
  });

  it("splits a digest at stamps, each with its own date and title (first stamp on the header line)", () => {
    const text = " date 2025-11-28 27.11.2025, 16:45 15256\nFirst title here\nBody one.\n26.11.2025, 21:54 38601\nSecond title here\nBody two.\n";
    const norm = normaliseText(text).text;
    const a = splitArticles(norm, null);
    expect(a.map((x) => [x.title, x.published])).toEqual([["First title here", "2025-11-27"], ["Second title here", "2025-11-26"]]);
    expect(norm.slice(a[1]?.bodyStart, a[1]?.end).trim()).toBe("Body two.");
  });

  it("finds the date in the prose, with the year from the same sentence", () => {
    const t1 = "Ministry Reports Results\n\nASTANA \u2013 The press service published the outcomes of the work in the first half of 2024 \u043en July 31, aimed at X.\n";
    expect(extractDocument(t1).articles[0]?.published).toBe("2024-07-31");
    const t2 = "Draft Strategy Presented\nOn 4 October 2024, the Office convened a roundtable.\n";
    expect(extractDocument(t2).articles[0]?.published).toBe("2024-10-04");
    const t3 = "A Title Line\n\nThe minister spoke on July 31 about plans.\n";
    expect(extractDocument(t3).articles[0]?.published).toBeNull();
  });

  it("splits a multi-article file without dates, skipping the repeated title", () => {
    const text = "Astana to host a conference\n\nAstana to host a conference\n\nBody one is here.\n\nThree cassation courts to be created in Astana\n\nBody two is here.\n\nInternational cooperation\n\nBody three.\n";
    const r = extractDocument(text);
    expect(r.articles.map((a) => [a.title, a.published])).toEqual([["Astana to host a conference", null], ["Three cassation courts to be created in Astana", null]]);
    expect(text.slice(r.articles[1]?.start, r.articles[1]?.end)).toMatch(/^Three cassation courts/);
  });

  it("uses options.reference only when the document has no date", () => {
    expect(extractDocument("Title\n\nThe ministry will finish it next year.\n", { reference: "2025-05-01" }).commitments[0]?.due).toBe("2026-12-31");
    expect(extractDocument(" date 2024-01-01\nThe ministry will finish it next year.\n", { reference: "2025-05-01" }).commitments[0]?.due).toBe("2025-12-31");
  });
});

describe("actors and bodies", () => {
  it.each([
    ["the Ministry of Justice", "Ministry of Justice"],
    ["Kazakh Ministry of Justice", "Ministry of Justice"],
    ["Ministry of Justice of the Republic of Kazakhstan", "Ministry of Justice"],
    ["Justice Ministry", "Ministry of Justice"],
    ["Kazakh Foreign Ministry", "Ministry of Foreign Affairs"],
    ["the government", "Government"],
    ["Government", "Government"],
    ["Head of State", "President"],
    ["President Tokayev", "President"],
    ["President Kassym-Jomart Tokayev", "President"],
    ["local authorities", "Akimats"],
    ["regional akimats", "Akimats"],
    ["responsible government bodies", "Government bodies"],
    ["Mazhilis", "Mazhilis"],
  ])("%s -> %s", (actor, body) => {
    expect(canonicalBody(actor)).toBe(body);
  });

  it("resolves 'the ministry' to the ministry named before it and grows short names", () => {
    const text = " date 2025-11-25\nA Title Here\nVice Minister of Ecology and Natural Resources Zhomart Aliev presented the approaches. The Prime Minister issued instructions to the Ministry of Ecology. In particular, the ministry, jointly with regional akimats, was instructed to begin construction next year of waste plants.\n";
    const [c] = extractDocument(text).commitments;
    expect([c?.responsible, c?.body, c?.due]).toEqual(["Ministry of Ecology", "Ministry of Ecology and Natural Resources", "2026-12-31"]);
  });

  it("unifies a ministry with its longer form named through a minister's title", () => {
    const text = " date 2025-11-25\nA Title Here\nReports were delivered by Minister of Trade and Integration Arman Shakkaliev. The Ministry of Trade must submit proposals by 1 March 2026.\n";
    const [c] = extractDocument(text).commitments;
    expect([c?.responsible, c?.body]).toEqual(["Ministry of Trade", "Ministry of Trade and Integration"]);
  });

  it("takes the addressee of an instruction, not the one who gives it", () => {
    const text = " date 2025-06-18\nA Title Here\nThe Head of State instructed the Ministry of Enlightenment to build 100 new schools by 2027.\n";
    expect(extractDocument(text).commitments[0]?.responsible).toBe("Ministry of Enlightenment");
  });
});

describe("titles", () => {
  const titleOf = (sentence: string): string | undefined => extractDocument(` date 2025-09-08\nHeadline Here\n${sentence}\n`).commitments[0]?.title;

  it.each([
    ["The Ministry of Industry, together with relevant government bodies, must develop a concept for a Special Economic Zone by December 20 of this year.", "Develop a concept for a Special Economic Zone"],
    ["The project will be expanded nationwide in August.", "Expand the project nationwide"],
    ["A separate law, to be adopted within six months, will define its governance regime.", "Adopt a separate law"],
    // No earlier sentence names the innovations: the article's title gives the reader the context.
    ["These and other innovations are expected to be implemented from July 2026 onwards.", "Implement these and other innovations (Headline Here)"],
    ["The construction of the railway line is scheduled for completion in 2026.", "Complete the construction of the railway line"],
    ["The platform will be rolled out nationwide by the end of the year.", "Roll out the platform nationwide"],
    ["Akimats are instructed to complete the repair of heating networks within a month, which is vital.", "Complete the repair of heating networks"],
  ])("%s -> %s", (sentence, title) => {
    expect(titleOf(sentence)).toBe(title);
  });

  it("stays under ~100 characters and ends on a whole word", () => {
    const t = titleOf("The ministry must develop a comprehensive national programme for the modernisation of municipal heating networks, water supply and sewerage systems in all regional centres by 2027.") ?? "";
    expect(t.length).toBeLessThanOrEqual(100);
    expect(t).toMatch(/^Develop a comprehensive national programme/);
    expect(t).not.toMatch(/\s(?:and|of|the|in)$/);
  });
});

describe("topics", () => {
  it.each([
    ["must develop a concept for a Special Economic Zone for the Trade and Logistics Complex", ["economy & trade", "transport & logistics"]],
    ["begin construction of waste-to-energy plants", ["energy", "environment"]],
    ["build 100 new schools", ["education"]],
    ["connect all public services to the digital platform", ["digital & AI"]],
    ["open three new hospitals", ["health"]],
  ])("%s -> %j", (quote, topics) => {
    expect(classifyTopics(quote, null, null)).toEqual(topics);
  });

  it("falls back to the body, then to economy & trade", () => {
    expect(classifyTopics("expand the project nationwide", null, "Ministry of Justice")).toEqual(["justice & law"]);
    expect(classifyTopics("do it", null, null)).toEqual(["economy & trade"]);
  });
});
