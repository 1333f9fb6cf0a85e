// Which PDF page prints each place of each paper version (the rules; pages resolve a number with pdfPageOf).
import {readPdfPageRules} from "../../loaders/paper-pages.js";

process.stdout.write(JSON.stringify(readPdfPageRules()));
