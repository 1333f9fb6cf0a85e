// Everything the landing page shows besides the record and the toy run, selected at build time so the page
// downloads a few kilobytes instead of the whole dataset (it must stay under its 400 kB budget).
import {readFileSync} from "node:fs";
import {readSourceTables} from "./paper-source.js";
import {assertValid} from "./paper-validate.js";
import {tidyTables, type PaperNumber} from "./paper-tidy.js";
import {auditPaper} from "./paper-audit.js";
import {readAddedTables} from "./paper-added.js";
import {
  clippingAblation, codeFrequencyInAbstracts, figure1Gains, figure1Steps, otherModelGains, QWEN_MATH_7B, v2AbstractHeadline,
  type PaperMeta, type PaperNumberRow
} from "../src/lib/landing.js";
import {ARXIV_V1} from "../src/lib/paper-vocabulary.js";
import {readPdfPageRules} from "./paper-pages.js";

export interface RelatedWork {
  id: string;
  arxiv: string;
  authors: string;
  year: number;
  title: string;
  stance: "disputes" | "refines";
  bearsOn: string;
  summary: string;
}

function pick(n: PaperNumber): PaperNumberRow {
  const {id, version, version_label, model, reward, reward_raw, reward_label, benchmark, metric, condition, quantity, text, value, status, source_kind, source, locator, place, notes, file, derived, unit} = n;
  return {id, version, version_label, model, reward, reward_raw, reward_label, benchmark, metric, condition, quantity, text, value, status, source_kind, source, locator, place, notes, file, derived, unit};
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export function landingData(dataDir = "data") {
  const tables = readSourceTables(`${dataDir}/paper/source`);
  assertValid(tables);
  const numbers = tidyTables(tables);
  const rows = numbers.map(pick);
  const audit = auditPaper(numbers, {added: readAddedTables(`${dataDir}/paper/added`)});
  const headline = v2AbstractHeadline(rows);
  const c1 = {headline, figure1: figure1Gains(rows, ARXIV_V1, QWEN_MATH_7B), figure1Steps: figure1Steps(rows, ARXIV_V1)};
  const c2 = {codeFrequency: codeFrequencyInAbstracts(rows), clipping: clippingAblation(rows, ARXIV_V1)};
  const otherModels = otherModelGains(rows, ARXIV_V1);
  // the audit findings that read a number shown here, so its source popover can list them
  const shown = new Set([headline.random, headline.groundTruth, ...c1.figure1, ...c2.codeFrequency, ...c2.clipping, ...otherModels].map((r) => r.id));
  const findings: Record<string, {id: string; title: string; severity: string}[]> = {};
  for (const f of audit.findings) {
    const ids = new Set([f, ...(f.same_in ?? [])].flatMap((x) => [...x.a.ids, ...x.b.ids]));
    for (const id of ids) if (shown.has(id)) (findings[id] ??= []).push({id: f.id, title: f.title, severity: f.severity});
  }
  const severities = audit.findings.reduce<Record<string, number>>((counts, f) => ({...counts, [f.severity]: (counts[f.severity] ?? 0) + 1}), {});
  return {
    paper: readJson<PaperMeta & {recordVersion: number; code: string}>(`${dataDir}/site/paper.json`),
    relatedWork: readJson<RelatedWork[]>(`${dataDir}/site/related-work.json`),
    changelog: readJson<{date: string; change: string}[]>(`${dataDir}/site/changelog.json`),
    c1,
    c2,
    otherModels,
    findings,
    pdfPages: readPdfPageRules(`${dataDir}/paper/pdf-pages.csv`),
    audit: {findings: audit.findings.length, bySeverity: severities},
    totalNumbers: numbers.length
  };
}

export type LandingData = ReturnType<typeof landingData>;
