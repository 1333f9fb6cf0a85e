// Path parsing, transforms, calibration, legends and colour inference on small crafted inputs: expected values are
// worked out by hand from the inputs, not taken from the code under test.
import {test} from "node:test";
import assert from "node:assert/strict";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import {interpret, multiply, type OpCodes} from "../../loaders/figures/graphics.js";
import {fitLine, matchTicks, parseTickLabel, toPos, toValue} from "../../loaders/figures/calibrate.js";
import {readLegend} from "../../loaders/figures/legend.js";
import {assignColours} from "../../loaders/figures/infer.js";
import {findPanels, joinLine} from "../../loaders/figures/panels.js";
import {linePoints} from "../../loaders/figures/recover.js";
import {openPdf, readPage, type TextItem} from "../../loaders/figures/pdf.js";
import {makePdf} from "../fixtures/figures/make-pdf.js";

const OPS = pdfjs.OPS as unknown as OpCodes;

test("constructPath: moveTo, lineTo, the three curve forms, closePath and rectangle, in page space", () => {
  const {paths} = interpret(
    [OPS.transform, OPS.constructPath, OPS.stroke, OPS.constructPath, OPS.fill],
    [
      [2, 0, 0, 2, 10, 20], // scale 2 then move by (10, 20)
      [[OPS.moveTo, OPS.lineTo, OPS.curveTo, OPS.curveTo2, OPS.curveTo3, OPS.closePath], [0, 0, 1, 0, 9, 9, 9, 9, 2, 2, 9, 9, 3, 3, 9, 9, 4, 4], null],
      null,
      [[OPS.rectangle], [1, 1, 2, 3], null],
      null,
    ],
    OPS,
  );
  assert.equal(paths.length, 2);
  const [line, rect] = paths;
  // curve end points only: (0,0) (1,0) (2,2) (3,3) (4,4), each ×2 + (10,20)
  assert.deepEqual(line.subpaths[0].points, [{x: 10, y: 20}, {x: 12, y: 20}, {x: 14, y: 24}, {x: 16, y: 26}, {x: 18, y: 28}]);
  assert.equal(line.subpaths[0].curved, true);
  assert.equal(line.subpaths[0].closed, true);
  assert.equal(line.stroke && !line.fill, true);
  assert.deepEqual(rect.subpaths[0].points, [{x: 12, y: 22}, {x: 16, y: 22}, {x: 16, y: 28}, {x: 12, y: 28}]);
  assert.equal(rect.fill && !rect.stroke, true);
});

test("save/restore scope the CTM, colour, dash and alpha; a form's matrix and bbox apply inside it only", () => {
  const {paths} = interpret(
    [OPS.save, OPS.transform, OPS.setStrokeRGBColor, OPS.setDash, OPS.setGState, OPS.setLineWidth, OPS.constructPath, OPS.stroke, OPS.restore,
      OPS.paintFormXObjectBegin, OPS.constructPath, OPS.stroke, OPS.paintFormXObjectEnd, OPS.constructPath, OPS.stroke],
    [null, [1, 0, 0, 1, 5, 5], [255, 0, 16], [[2, 1], 0], [[["CA", 0.2]]], [0.5], [[OPS.moveTo, OPS.lineTo], [0, 0, 1, 1], null], null, null,
      [[0.5, 0, 0, 0.5, 100, 0], [0, 0, 10, 10]], [[OPS.moveTo, OPS.lineTo], [0, 0, 4, 2], null], null, null,
      [[OPS.moveTo, OPS.lineTo], [0, 0, 1, 1], null], null],
    OPS,
  );
  const [inside, inForm, after] = paths;
  assert.deepEqual(inside.subpaths[0].points, [{x: 5, y: 5}, {x: 6, y: 6}]);
  assert.equal(inside.strokeColor, "#ff0010");
  assert.deepEqual(inside.dash, [2, 1]);
  assert.equal(inside.strokeAlpha, 0.2);
  assert.equal(inside.lineWidth, 0.5);
  assert.deepEqual(inForm.subpaths[0].points, [{x: 100, y: 0}, {x: 102, y: 1}]);
  assert.equal(inForm.form, 0);
  assert.deepEqual(inForm.clip, {x0: 100, y0: 0, x1: 105, y1: 5});
  assert.equal(inForm.strokeColor, "#000000"); // restored
  assert.deepEqual(after.subpaths[0].points, [{x: 0, y: 0}, {x: 1, y: 1}]);
  assert.equal(after.form, -1);
  assert.equal(after.clip, null);
  // row-vector convention: translate then scale ≠ scale then translate
  assert.deepEqual(multiply([1, 0, 0, 1, 1, 0], [2, 0, 0, 2, 0, 0]), [2, 0, 0, 2, 2, 0]);
});

test("a clip path sets the clip box for what follows, intersected with the one in force", () => {
  const {paths} = interpret(
    [OPS.constructPath, OPS.clip, OPS.endPath, OPS.constructPath, OPS.clip, OPS.endPath, OPS.constructPath, OPS.stroke],
    [[[OPS.rectangle], [0, 0, 10, 10], null], null, null, [[OPS.rectangle], [5, 5, 10, 10], null], null, null, [[OPS.moveTo, OPS.lineTo], [0, 0, 20, 20], null], null],
    OPS,
  );
  assert.equal(paths.length, 1);
  assert.deepEqual(paths[0].clip, {x0: 5, y0: 5, x1: 10, y1: 10});
});

test("calibration fits a line through the ticks and reports the largest residual", () => {
  const fit = fitLine([{pos: 10, value: 0}, {pos: 20, value: 50}, {pos: 30, value: 100}]);
  assert.equal(fit.slope, 5);
  assert.equal(fit.intercept, -50);
  assert.equal(fit.maxResidual, 0);
  assert.equal(toValue(fit, 25), 75);
  assert.equal(toPos(fit, 75), 25);
  const off = fitLine([{pos: 0, value: 0}, {pos: 1, value: 1}, {pos: 2, value: 2.3}]);
  // least squares: slope 1.15, intercept -0.05; residuals 0.05, 0.1, 0.05
  assert.ok(Math.abs(off.slope - 1.15) < 1e-12 && Math.abs(off.intercept + 0.05) < 1e-12);
  assert.ok(Math.abs(off.maxResidual - 0.1) < 1e-12);
  assert.throws(() => fitLine([{pos: 1, value: 1}]), /at least 2 ticks/);
  assert.throws(() => fitLine([{pos: 1, value: 1}, {pos: 1, value: 2}]), /same position/);
});

test("tick labels pair with the nearest gridline; a label with none keeps its own centre", () => {
  const {onGrid, offGrid} = matchTicks([{center: 10.2, value: 0}, {center: 19.7, value: 1}, {center: 30.1, value: 2}], [10, 20, 45], 1);
  assert.deepEqual(onGrid, [{pos: 10, value: 0}, {pos: 20, value: 1}]);
  assert.deepEqual(offGrid, [{pos: 30.1, value: 2}]);
  assert.equal(parseTickLabel("0.35"), 0.35);
  assert.equal(parseTickLabel("\u22120.1"), -0.1);
  assert.equal(parseTickLabel("1e-3"), 0.001);
  assert.equal(parseTickLabel("Training Step"), null);
  assert.equal(parseTickLabel("1 00"), 100); // a thin space inside a label
});

const text = (str: string, x: number, y: number, size = 4, width = str.length * size * 0.5): TextItem => ({str, x, y, width, size, vertical: false, font: "F"});

test("legend: each swatch takes the words right of it, up to the next swatch or a wide gap", () => {
  const swatch = (color: string, x: number, y: number) => ({
    op: 0, subpaths: [{points: [{x, y}, {x: x + 5, y}, {x: x + 5, y: y + 5}, {x, y: y + 5}], closed: true, curved: false}],
    stroke: true, fill: true, strokeColor: "#000000", fillColor: color, strokeAlpha: 1, fillAlpha: 1, lineWidth: 0.5, dash: [], clip: null, form: -1,
  });
  const texts = [text("Ground", 8, 101, 5, 15), text("Truth", 24.5, 101, 5, 12), text("Random", 48, 101, 5, 18), text("caption", 75, 101, 5, 20)];
  const entries = readLegend([swatch("#5e954e", 0, 100), swatch("#9370bc", 40, 100), swatch("#112233", 0, 50)], texts, [90, 110]);
  assert.deepEqual(entries.map((e) => [e.color, e.label]), [["#5e954e", "Ground Truth"], ["#9370bc", "Random"]]);
  const unlabelled = readLegend([swatch("#abcdef", 0, 100)], [], [90, 110]);
  assert.equal(unlabelled[0].label, "");
  // math set glyph by glyph joins without spaces where the glyphs touch
  assert.equal(joinLine([text("γ", 0, 0, 10, 5), text("=", 7, 0, 10, 5), text("0", 14, 0, 10, 5), text(".", 19, 0, 10, 2.5), text("7", 21.5, 0, 10, 5)]), "γ = 0.7");
});

test("colour inference picks the one-to-one assignment with the smallest total step-0 gap and reports the runner-up", () => {
  const refs = {A: {MATH: 0.5, AMC: 0.3}, B: {MATH: 0.52, AMC: 0.1}, C: {MATH: 0.1}};
  // greedy on MATH alone would give #1 to B; AMC decides
  const got = assignColours([{color: "#1", start: {MATH: 0.515, AMC: 0.29}}, {color: "#2", start: {MATH: 0.51, AMC: 0.12}}, {color: "#3", start: {MATH: 0.11}}], refs);
  assert.deepEqual(got.map((a) => [a.color, a.model]), [["#1", "A"], ["#2", "B"], ["#3", "C"]]);
  assert.ok(Math.abs(got[0].cost - 0.025) < 1e-12);
  assert.equal(got[0].runnerUp?.model, "B");
  assert.throws(() => assignColours([{color: "#x", start: {AIME: 0.1}}], refs), /no model/);
});

test("vertices off a whole step are cut by the plotter and dropped; repeated vertices merge", () => {
  const panel = {x: {slope: 1, intercept: 0}, y: {slope: 0.01, intercept: 0}} as never;
  const got = linePoints(panel, {color: "#000001", alpha: 1, dashed: false, lineWidth: 1, op: 0, subpaths: [[{x: 0, y: 49.4}, {x: 1, y: 50}, {x: 1.5, y: 51}], [{x: 1.5, y: 51}, {x: 3, y: 52}]]});
  assert.deepEqual(got.points.map((p) => [p.step, p.value]), [[0, 0.494], [1, 0.5], [3, 0.52]]);
  assert.equal(got.cut, 2);
});

test("a crafted PDF: pdfjs reads the path through nested transforms, and the panel calibrates from its labels and gridlines", async () => {
  // plot area 20..120 × 20..120 inside a translated, scaled group; x ticks 0/50/100 at 20/70/120, y ticks 0.0/0.5/1.0
  const content = [
    "q 1 0 0 1 10 10 cm",
    "q 0.5 0 0 0.5 0 0 cm", // user space ×0.5: page = 10 + 0.5·u
    "0.8 0.8 0.8 RG 0.2 w 20 20 m 20 220 l S 120 20 m 120 220 l S 220 20 m 220 220 l S 20 20 m 220 20 l S 20 120 m 220 120 l S 20 220 m 220 220 l S",
    "20 20 200 200 re W n",
    "1 0 0 RG /GS1 gs [4 2] 0 d 20 20 m 40 70 l 60 60 l S", // a faint dashed red line: (0,0) (10,0.25) (20,0.2)
    "Q Q",
    "BT /F1 4 Tf 19 12 Td (0) Tj ET BT /F1 4 Tf 67.8 12 Td (50) Tj ET BT /F1 4 Tf 116.7 12 Td (100) Tj ET",
    "BT /F1 4 Tf 12 18.6 Td (0.0) Tj ET BT /F1 4 Tf 12 68.6 Td (0.5) Tj ET BT /F1 4 Tf 12 118.6 Td (1.0) Tj ET",
    "BT /F1 4 Tf 40 124 Td (Toy - MATH) Tj ET",
  ].join("\n");
  const doc = await openPdf(makePdf(content));
  const page = await readPage(doc, 1);
  const {panels, problems} = findPanels(1, page.paths, page.texts);
  assert.deepEqual(problems, []);
  assert.equal(panels.length, 1);
  const [p] = panels;
  assert.equal(p.title, "Toy - MATH");
  assert.deepEqual(p.box, {x0: 20, y0: 20, x1: 120, y1: 120});
  assert.equal(p.x.onGrid, 3);
  assert.equal(p.y.onGrid, 3);
  assert.ok(Math.abs(p.x.slope - 1) < 1e-9 && Math.abs(p.x.intercept + 20) < 1e-9);
  const [line] = p.lines;
  assert.equal(line.color, "#ff0000");
  assert.equal(line.dashed, true);
  assert.equal(line.alpha, 0.2);
  assert.deepEqual(linePoints(p, line).points.map((q) => [q.step, q.value]), [[0, 0], [10, 0.25], [20, 0.2]]);
  await doc.destroy();
});

test("hostile input: a file that is not a PDF is refused with an error, not a silent empty result", async () => {
  await assert.rejects(() => openPdf(new Uint8Array(Buffer.from("not a pdf at all"))));
});
