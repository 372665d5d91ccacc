import { describe, expect, it } from "vitest";
import { bodyRelation, isGenericBody, normaliseBody } from "../../src/merging/index.ts";

describe("normaliseBody", () => {
  it.each([
    ["Ministry of Transport", "ministry of transport"],
    ["the Transport Ministry", "ministry of transport"],
    ["Ministry of Transport of the Republic of Kazakhstan", "ministry of transport"],
    ["Kazakh Ministry of Trade", "ministry of trade"],
    ["Foreign Ministry", "ministry of foreign affairs"],
    ["Minister of Energy", "ministry of energy"],
    ["the Government", "government"],
    ["Cabinet of Ministers", "government"],
    ["President Tokayev", "president"],
    ["Majilis", "mazhilis"],
    ["MoT", "acronym:mot"],
    ["MFA", "ministry of foreign affairs"],
  ])("%s -> %s", (name, key) => {
    expect(normaliseBody(name)).toBe(key);
  });

  it("names no body for null, blank or an unresolved 'the ministry'", () => {
    expect(normaliseBody(null)).toBeNull();
    expect(normaliseBody("  ")).toBeNull();
    expect(normaliseBody("the ministry")).toBeNull();
  });
});

describe("bodyRelation", () => {
  it("matches the spellings outlets use for one ministry", () => {
    expect(bodyRelation("Ministry of Transport", "the Transport Ministry")).toBe("same");
    expect(bodyRelation("Ministry of Transport", "MoT")).toBe("same");
    expect(bodyRelation("MFA", "Ministry of Foreign Affairs")).toBe("same");
    expect(bodyRelation("Ministry of Trade", "Ministry of Trade and Integration")).toBe("same");
    expect(bodyRelation("Ministry of Information", "Ministry of Culture and Information")).toBe("same");
  });

  it("keeps different ministries apart, also through an acronym", () => {
    expect(bodyRelation("Ministry of Transport", "Ministry of Trade and Integration")).toBe("different");
    expect(bodyRelation("MoT", "Ministry of Energy")).toBe("different");
    expect(bodyRelation("Ministry of Energy", "Ministry of Ecology and Natural Resources")).toBe("different");
  });

  it("lets one side name no body, and the government stand for any of its bodies", () => {
    expect(bodyRelation(null, "Ministry of Energy")).toBe("unknown");
    expect(bodyRelation("Government", "Ministry of Energy")).toBe("generic");
    expect(bodyRelation("Government bodies", "Government")).toBe("generic");
    expect(isGenericBody("prime minister")).toBe(true);
    expect(isGenericBody("ministry of energy")).toBe(false);
  });
});
