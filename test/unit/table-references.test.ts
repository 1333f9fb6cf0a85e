import {test} from "node:test";
import assert from "node:assert/strict";
import {referencedTables} from "../../src/lib/sql/table-references.js";

const LAZY = ["curves", "curve_axes"];

test("a query naming a lazily loaded table asks for it, in any case and next to punctuation", () => {
  assert.deepEqual(referencedTables("SELECT count(*) FROM curves", LAZY), ["curves"]);
  assert.deepEqual(referencedTables("select * from CURVE_AXES;", LAZY), ["curve_axes"]);
  assert.deepEqual(referencedTables("SELECT * FROM curves c JOIN curve_axes a USING (figure)", LAZY), ["curves", "curve_axes"]);
  assert.deepEqual(referencedTables("SELECT * FROM(curves)", LAZY), ["curves"]);
  assert.deepEqual(referencedTables('SELECT * FROM "curves"', LAZY), ["curves"]);
});

test("a query that does not name them asks for none: a longer name is not the table", () => {
  assert.deepEqual(referencedTables("SELECT * FROM numbers", LAZY), []);
  assert.deepEqual(referencedTables("SELECT * FROM my_curves_2", LAZY), []);
  assert.deepEqual(referencedTables("SELECT * FROM curves2", LAZY), []);
  assert.deepEqual(referencedTables("", LAZY), []);
});
