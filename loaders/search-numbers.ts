// Numbers for the site search. Framework indexes a page's static text, but the numbers are drawn by JavaScript,
// so a search for "21.4" would find nothing. This yields, per page, the printed text of every number it shows;
// observablehq.config.ts adds them to the index as "<page>#numbers" entries.
import {readSourceTables} from "./paper-source.js";
import {tidyTables} from "./paper-tidy.js";
import {auditPaper} from "./paper-audit.js";
import {landingData} from "./landing.js";

export interface SearchEntry {
  path: string;
  title: string;
  text: string;
  keywords: string;
}

const printed = (texts: Iterable<string>) => [...new Set(texts)].filter((t) => /\d/.test(t)).join(" ");

export function searchNumberEntries(dataDir = "data"): SearchEntry[] {
  const numbers = tidyTables(readSourceTables(`${dataDir}/paper/source`));
  const byId = new Map(numbers.map((n) => [n.id, n]));
  const landing = landingData(dataDir);
  const landingRows = [landing.c1.headline.random, landing.c1.headline.groundTruth, ...landing.c1.figure1, ...landing.c2.codeFrequency, ...landing.c2.clipping, ...landing.otherModels];
  const audited = auditPaper(numbers).findings.flatMap((f) => [f, ...(f.same_in ?? [])].flatMap((x) => [...x.a.ids, ...x.b.ids]));
  const entry = (path: string, title: string, texts: string[]): SearchEntry => {
    const text = printed(texts);
    // "+21.4" is indexed as the words 21 and 4; the unsigned form is kept as a keyword too
    return {path: `${path}#numbers`, title: `${title}: numbers shown`, text, keywords: printed(texts.map((t) => t.replace(/^[+−–-]/, "")))};
  };
  return [
    entry("/", "Overview", landingRows.map((r) => r.text)),
    entry("/rewards", "Rewards compared", numbers.filter((n) => n.file === "main_results").map((n) => n.text)),
    entry("/code-reasoning", "Code reasoning", numbers.filter((n) => n.file === "code_reasoning").map((n) => n.text)),
    entry("/audit", "Audit", audited.map((id) => byId.get(id)?.text ?? "")),
  ];
}
