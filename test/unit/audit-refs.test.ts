// The reduced audit /rewards and /code-reasoning load must name, for every number, the same findings as the full
// audit (what the source popover lists), and stay much smaller than it.
import {test} from "node:test";
import assert from "node:assert/strict";
import {auditedPaper} from "../../loaders/paper-outputs.js";
import {auditRefs} from "../../loaders/audit-refs.js";
import {findingsByNumber} from "../../src/components/paper-provenance.js";

const {audit, numbers} = auditedPaper();

test("the reduced audit gives every number the same findings as the full audit", () => {
  const refs = auditRefs(audit);
  const full = findingsByNumber(audit), reduced = findingsByNumber(refs);
  assert.ok(full.size > 50, `${full.size} numbers with findings`);
  for (const n of numbers) assert.deepEqual(reduced.get(n.id), full.get(n.id), n.id);
  // the finding code-reasoning quotes for arXiv v2 is found by its check and versions
  assert.equal(refs.findings.filter((f) => f.check === "same-quantity").length, audit.findings.filter((f) => f.check === "same-quantity").length);
  assert.ok(JSON.stringify(refs).length < JSON.stringify(audit).length / 5);
});
