import {test} from "node:test";
import assert from "node:assert/strict";
import {backgroundStart} from "../../src/lib/sql/background-start.js";

test("DuckDB starts in the background when the browser says nothing against it", () => {
  assert.deepEqual(backgroundStart(undefined), {start: true}); // Firefox, Safari: no Network Information API
  assert.deepEqual(backgroundStart({}), {start: true});
  assert.deepEqual(backgroundStart({saveData: false, effectiveType: "4g"}), {start: true});
});

test("not when the browser asks to save data, whatever the connection", () => {
  assert.deepEqual(backgroundStart({saveData: true, effectiveType: "4g"}), {start: false, reason: "your browser asks sites to save data"});
});

test("not on a connection the browser rates slow; an unknown rating does not stop it", () => {
  for (const type of ["slow-2g", "2g", "3g"]) {
    assert.deepEqual(backgroundStart({effectiveType: type}), {start: false, reason: `your connection is slow (${type})`});
  }
  assert.deepEqual(backgroundStart({effectiveType: "5g"}), {start: true});
});
