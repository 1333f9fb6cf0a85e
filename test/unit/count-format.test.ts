import {test} from "node:test";
import assert from "node:assert/strict";
import {groupThousands} from "../../src/lib/count-format.js";

test("groupThousands writes counts the way English text does", () => {
  assert.equal(groupThousands(0), "0");
  assert.equal(groupThousands(999), "999");
  assert.equal(groupThousands(1000), "1,000");
  assert.equal(groupThousands(113039), "113,039");
  assert.equal(groupThousands(1234567890), "1,234,567,890");
  assert.equal(groupThousands(-1234), "-1,234");
  assert.equal(groupThousands(1234.5), "1,234.5");
  assert.equal(groupThousands(Number.NaN), "NaN");
});

test("groupThousands agrees with Intl's English formatting on integers", () => {
  for (const n of [1, 12, 123, 1234, 12345, 123456, 1234567, 98765432, 2 ** 31, Number.MAX_SAFE_INTEGER]) assert.equal(groupThousands(n), n.toLocaleString("en-US"));
});
