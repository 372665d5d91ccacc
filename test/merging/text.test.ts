import { describe, expect, it } from "vitest";
import { charGrams, contentStems, quantities } from "../../src/merging/index.ts";

describe("contentStems", () => {
  it("meets British and American spellings and the verbs outlets swap for one act", () => {
    expect(contentStems("modernised 33 checkpoints, 4,500 kilometres")).toEqual(contentStems("modernized 33 checkpoints, 4500 kilometers"));
    expect(contentStems("finish the construction")).toEqual(contentStems("complete the construction"));
    expect(contentStems("draft a programme")).toEqual(contentStems("develop a program"));
  });

  it("drops dates, deadline words and attributions", () => {
    expect(contentStems("by the end of 2025, the ministry said, it will build the plant by 31 December")).toEqual(["ministri", "build", "plant"]);
  });
});

describe("quantities", () => {
  it("keeps quantities and drops dates, years, ordinals and durations", () => {
    expect([...quantities("By 31 December 2025, 4,500 km of roads and 33 checkpoints, within 18 months, in the 1st quarter")].sort()).toEqual(["33", "4500"]);
    expect(quantities("by December 20 of this year")).toEqual(new Set());
  });
});

describe("charGrams", () => {
  it("gives 4-character grams of the content words only", () => {
    expect(charGrams("the Saryarka pipeline by 2019")).toEqual([...charGrams("Saryarka pipeline")]);
    expect(charGrams("ab")).toEqual([" ab "]);
  });
});
