// What each page's description and preview card say; the landing's numbers come from the data, not from here.
import {landingData} from "../loaders/landing.js";
import {versionLabel} from "../src/lib/paper-vocabulary.js";
import type {PageMeta} from "./page-meta.js";

export function pageMetas(): PageMeta[] {
  const {random, groundTruth} = landingData().c1.headline;
  const claim = `Random rewards lift Qwen2.5-Math-7B by ${random.text} points on MATH-500, close to ground truth's ${groundTruth.text} (${versionLabel(random.version)} abstract)`;
  const paper = "Spurious Rewards: Rethinking Training Signals in RLVR";
  return [
    {file: "index.html", title: "Spurious Rewards, explained", description: `${claim}. The paper's claims with every number's version and source, a clipping-bias toy model and a browser-side check of the signed record.`, card: {headline: claim, lines: [paper]}},
    {file: "record.html", title: "Check the record · Spurious Rewards, explained", description: `The Pith record of ${paper} (arXiv v2): canonical bytes, SHA-256, Pith number and text hashes recomputed in your browser; the signature is not published.`, card: {headline: "Check the record: hashes recomputed in your browser", lines: [paper]}},
    {file: "rewards.html", title: "Rewards compared · Spurious Rewards, explained", description: `MATH-500 change per reward and model in ${paper}, by paper version (May 2025 preprint, arXiv v1, v2), with inferred and unresolved bars marked and each number's source.`, card: {headline: "Rewards compared, by paper version", lines: [claim.slice(0, 60) + "…"]}},
    {file: "code-reasoning.html", title: "Code reasoning · Spurious Rewards, explained", description: `Code-reasoning frequency and accuracy, the strategy switches behind the gain, partial contributions and the code-forcing prompt in ${paper}, each number with its source.`, card: {headline: "Code reasoning: where the gains come from", lines: ["Table 1, Figure 7, Table 2, Table 3"]}},
    {file: "audit.html", title: "Audit · Spurious Rewards, explained", description: `Every place where the numbers of ${paper} disagree with each other: both places, both values and the gap.`, card: {headline: "Audit: the paper against itself", lines: [paper]}},
    {file: "query.html", title: "Query the numbers · Spurious Rewards, explained", description: `SQL over every number of ${paper}, in your browser (DuckDB-wasm, loaded on request), with CSV export.`, card: {headline: "Query the paper's numbers with SQL", lines: ["DuckDB in your browser"]}},
    {file: "data-dictionary.html", title: "Data dictionary and downloads · Spurious Rewards, explained", description: `Downloads of every number of ${paper} (CSV, JSON) with sizes and row counts, and what each column means.`, card: {headline: "The paper's numbers: downloads and dictionary", lines: ["CSV and JSON, with provenance"]}},
    {file: "toy.html", title: "Clipping bias, step by step · Spurious Rewards, explained", description: "An in-browser GRPO toy model: presets and sliders show the clipping bias that the paper conjectures behind random-reward gains appear, and vanish without clipping.", card: {headline: "Clipping bias, step by step: a GRPO toy model", lines: ["Runs in your browser"]}},
  ];
}
