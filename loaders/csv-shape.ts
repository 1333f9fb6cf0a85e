// Strict reading of a CSV file's shape (RFC 4180: comma, double-quote quoting, CRLF or LF), reporting where
// it is broken: an empty file, an unterminated quote, a quote inside an unquoted cell, empty or repeated
// header names, and rows with a missing or an extra cell. Lenient parsers (arquero's included) pad short
// rows and drop extra cells, so such a row would otherwise pass silently.

export interface ShapeProblem {
  /** 1-based line where the problem starts (the header is line 1). */
  line: number;
  /** 1-based data row (0 for the header or the whole file). */
  row: number;
  /** The column concerned, by header name (or "#n" past the header). */
  column: string;
  message: string;
}

export interface CsvShape {
  header: string[];
  /** Data rows as cell lists; only trustworthy when problems is empty. */
  rows: string[][];
  problems: ShapeProblem[];
}

interface Record {
  cells: string[];
  line: number;
}

/** Split text into records; quote problems are reported with their line. */
function records(text: string, problems: ShapeProblem[]): Record[] {
  const out: Record[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false; // the current cell started with a quote
  let inQuotes = false;
  let afterQuote = false; // a quoted cell was closed; only a separator may follow
  const endCell = () => {
    cells.push(cell);
    cell = "";
    quoted = false;
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    out.push({cells, line: recordLine});
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        inQuotes = false;
        afterQuote = true;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === ",") { endCell(); i++; continue; }
    if (ch === "\r" && text[i + 1] === "\n") { i++; continue; }
    if (ch === "\n") {
      endRecord();
      line++;
      recordLine = line;
      i++;
      continue;
    }
    if (ch === '"' && cell === "" && !quoted && !afterQuote) { quoted = inQuotes = true; i++; continue; }
    if (ch === '"' || afterQuote) {
      problems.push({line, row: 0, column: "", message: afterQuote ? "text after a closing quote (a quoted cell must end at a comma or line end)" : 'a quote (") inside an unquoted cell; quote the whole cell and double the quote'});
      return out;
    }
    cell += ch;
    i++;
  }
  if (inQuotes) {
    problems.push({line: recordLine, row: 0, column: "", message: "a quoted cell is never closed (unterminated quote)"});
    return out;
  }
  // the last record, unless the file ends with a line break
  if (cell !== "" || cells.length || quoted) endRecord();
  return out;
}

/** Check one CSV text's shape. `file` is only used in messages by the caller. */
export function checkCsvShape(text: string): CsvShape {
  const problems: ShapeProblem[] = [];
  if (!text.trim()) return {header: [], rows: [], problems: [{line: 1, row: 0, column: "", message: "the file is empty (a CSV needs at least a header row)"}]};
  const recs = records(text.replace(/^\uFEFF/, ""), problems);
  if (!recs.length) return {header: [], rows: [], problems};
  const header = recs[0].cells;
  header.forEach((name, j) => {
    if (!name.trim()) problems.push({line: 1, row: 0, column: `#${j + 1}`, message: `header cell ${j + 1} is empty`});
    else if (header.indexOf(name) !== j) problems.push({line: 1, row: 0, column: name, message: `header name "${name}" appears twice`});
  });
  const rows: string[][] = [];
  recs.slice(1).forEach((r, k) => {
    const row = k + 1;
    // a blank line is a row with one empty cell: report it as such rather than as n-1 missing cells
    if (r.cells.length === 1 && r.cells[0] === "" && header.length > 1) {
      problems.push({line: r.line, row, column: header[0], message: "blank line (a row with no cells)"});
      return;
    }
    if (r.cells.length < header.length) {
      const missing = header.slice(r.cells.length);
      problems.push({line: r.line, row, column: missing[0], message: `${header.length - r.cells.length} cell(s) missing: the row has ${r.cells.length} of ${header.length} cells (no ${missing.map((m) => `"${m}"`).join(", ")})`});
    } else if (r.cells.length > header.length) {
      problems.push({line: r.line, row, column: `#${header.length + 1}`, message: `${r.cells.length - header.length} extra cell(s): the row has ${r.cells.length} cells, the header ${header.length} (first extra: "${r.cells[header.length]}")`});
    }
    rows.push(r.cells);
  });
  if (!rows.length && !problems.length) problems.push({line: 1, row: 0, column: "", message: "the file has a header but no data rows"});
  return {header, rows, problems};
}
