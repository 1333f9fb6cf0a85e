// The audit page's filters as a pure function, and their URL form (permalinks of filtered views).
import {test} from "node:test";
import assert from "node:assert/strict";
import {filterFindings, filterFromQuery, filterToQuery, NO_FILTER, type FilterableFinding} from "../../src/lib/audit-filter.js";

const f = (id: string, over: Partial<FilterableFinding>): FilterableFinding => ({
  id, status: "contradiction", severity: "medium", title: id, explanation: "", versions: ["A"], places: ["Figure 7"], touches_headline: false, cause: null,
  a: {shown: "", locator: "", label: ""}, b: {shown: "", locator: "", label: ""}, ...over,
});
const all = [
  f("fig7", {}),
  f("t2", {status: "confirmed", severity: "low", places: ["Table 2", "Figure 7"], title: "Table 2 reproduced"}),
  f("fig1", {status: "judgement", versions: ["A"], places: ["Figure 1", "Figure 7"], touches_headline: true, a: {shown: "+21.4", locator: "Figure 1 (p.1)", label: "bar"}}),
  f("v1", {status: "change", severity: "low", versions: ["A", "B"], places: ["Table 3"]}),
];
const ids = (c: Partial<typeof NO_FILTER>) => filterFindings(all, {...NO_FILTER, ...c}).map((x) => x.id);

test("each filter narrows the list; together they intersect", () => {
  assert.deepEqual(ids({}), ["fig7", "t2", "fig1", "v1"]);
  assert.deepEqual(ids({status: "confirmed"}), ["t2"]);
  assert.deepEqual(ids({severity: "low"}), ["t2", "v1"]);
  assert.deepEqual(ids({version: "B"}), ["v1"]);
  assert.deepEqual(ids({place: "Figure 7"}), ["fig7", "t2", "fig1"]);
  assert.deepEqual(ids({headline: true}), ["fig1"]);
  assert.deepEqual(ids({place: "Figure 7", severity: "medium"}), ["fig7", "fig1"]);
});

test("search needs every word, in any field, case-insensitive", () => {
  assert.deepEqual(ids({query: "TABLE 2"}), ["t2"]);
  assert.deepEqual(ids({query: "21.4 figure"}), ["fig1"]);
  assert.deepEqual(ids({query: "nothing-like-this"}), []);
});

test("the URL query round-trips, and unknown values fall back to any", () => {
  const c = {...NO_FILTER, status: "judgement", place: "Figure 1", headline: true, query: "random gain"};
  const q = filterToQuery(c);
  assert.equal(q, "?status=judgement&place=Figure+1&headline=1&q=random+gain");
  const allowed = {status: ["judgement"], severity: [], version: [], place: ["Figure 1"]};
  assert.deepEqual(filterFromQuery(q, allowed), c);
  assert.deepEqual(filterFromQuery("?status=<script>&severity=high", allowed), NO_FILTER);
  assert.equal(filterToQuery(NO_FILTER), "");
});
