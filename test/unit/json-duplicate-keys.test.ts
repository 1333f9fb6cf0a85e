// Duplicate keys are found where they are, with the path of their object; strings that look like keys,
// arrays and escapes do not confuse the scan. Positions counted by hand.
import {test} from "node:test";
import assert from "node:assert/strict";
import {duplicateKeys} from "../../src/lib/json-duplicate-keys.js";

test("repeated keys are named with path, line and column; distinct objects may reuse a key", () => {
  assert.deepEqual(duplicateKeys('{"a": 1, "a": 2}'), [{key: "a", path: "$", line: 1, column: 10}]);
  assert.deepEqual(duplicateKeys('{"x": {"a": 1}, "y": {"a": 2}}'), []);
  assert.deepEqual(duplicateKeys('{"list": [{"k": 1}, {"k": 2, "k": 3}]}'), [{key: "k", path: "$.list[1]", line: 1, column: 30}]);
  assert.deepEqual(duplicateKeys('{\n "m": {"b": "a", "a": "\\"a\\"", "a": 0}}'), [{key: "a", path: "$.m", line: 2, column: 32}]);
  assert.deepEqual(duplicateKeys('{"\\u0061": 1, "a": 2}').map((d) => d.key), ["a"]);
  assert.deepEqual(duplicateKeys('["a", "a", {"odd key": 1, "odd key": 2}]').map((d) => d.path), ["$[2]"]);
  assert.equal(duplicateKeys(`{${Array.from({length: 30}, () => '"k": 1').join(",")}}`).length, 20);
});
