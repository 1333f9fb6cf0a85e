// Data page: the downloads exist and hold the whole dataset.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, useSite} from "./harness.js";

const site = useSite();

test("/data-dictionary: CSV and JSON downloads of the whole dataset", async () => {
  const watched = await openPage(site(), "/data-dictionary");
  const {page} = watched;
  try {
    const href = (text: string) => page.getByRole("link", {name: text, exact: true}).getAttribute("href");
    const csvUrl = new URL((await href("spurious-rewards-numbers.csv"))!, page.url()).href;
    const jsonUrl = new URL((await href("spurious-rewards-numbers.json"))!, page.url()).href;
    const csv = await (await page.request.get(csvUrl)).text();
    const json = (await (await page.request.get(jsonUrl)).json()) as {text: string}[];
    // one row per non-empty before/after/delta/value cell of the four source tables (counted with python3: 199 + 345 + 48 + 83)
    assert.equal(json.length, 675);
    assert.match(csv.split("\n")[0], /^id,file,row,version,version_label,model,/);
    assert.ok(csv.includes(",+21.4,21.4,"), "printed text and parsed value side by side");
    const main = await (await page.request.get(new URL((await href("spurious-rewards-source-main_results.csv"))!, page.url()).href)).text();
    assert.equal(main.trim().split("\n").length, 84); // header + 83 rows, verbatim
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
