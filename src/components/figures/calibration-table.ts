// The axis calibration of every panel as a plain table in the site's scroll box (cells wrap, first column sticky).
// A plain table rather than Inputs.table: Inputs.table's header cells get onclick="…" attributes from htl, which
// the built site's CSP reports as inline event handlers, and its fixed-width cells clip long panel names.

import type {AxisRow} from "../../../loaders/figures/recover.js";

/** One axis calibration as the figures index carries it (loaders/figures/recover.ts), without its page. */
export type AxisCalibration = Omit<AxisRow, "page">;

const COLUMNS: {key: keyof AxisCalibration; head: string; num: boolean; format?: (v: number) => string}[] = [
  {key: "figure", head: "figure", num: true},
  {key: "panel", head: "panel", num: false},
  {key: "axis", head: "axis", num: false},
  {key: "slope", head: "slope", num: true, format: (v) => v.toPrecision(6)},
  {key: "intercept", head: "intercept", num: true, format: (v) => v.toPrecision(6)},
  {key: "max_residual", head: "max residual (pt)", num: true, format: (v) => v.toExponential(1)},
  {key: "tick_count", head: "ticks", num: true},
  {key: "on_grid", head: "on grid", num: true},
  {key: "tolerance", head: "tolerance (pt)", num: true, format: (v) => v.toExponential(1)},
];

export function calibrationTable(axes: AxisCalibration[], caption: string): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "paper-table-wrap calibration-table";
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  wrap.tabIndex = 0;
  const table = document.createElement("table");
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const c of COLUMNS) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c.head;
    head.append(th);
  }
  const body = table.createTBody();
  for (const a of axes) {
    const tr = body.insertRow();
    COLUMNS.forEach((c, i) => {
      const cell = i === 0 ? document.createElement("th") : tr.insertCell();
      if (i === 0) { (cell as HTMLTableCellElement).scope = "row"; tr.append(cell); }
      if (c.num) cell.className = "num";
      const v = a[c.key];
      cell.textContent = c.format && typeof v === "number" ? c.format(v) : String(v);
    });
  }
  wrap.append(table);
  return wrap;
}
