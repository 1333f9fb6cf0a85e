/**
 * Canonical JSON, byte-identical to Python's
 *   json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
 * which is the recipe Pith hashes.
 *
 * Why hand-written: no JSON library reproduces all of Python's choices at once. `JSON.parse` loses the
 * int/float distinction (`1.0` must stay `1.0`, `10**20` must stay exact), JS number formatting differs from
 * Python's `repr(float)` (`1e-07`, `1e+16`, `-0.0`), JS `sort()` orders keys by UTF-16 unit rather than code
 * point (differs for non-BMP keys), and RFC 8785/JCS libraries use different float and escape rules. So we
 * parse into a typed tree (ints as exact digit strings, floats as doubles) and serialize it Python's way.
 * Fixtures in test/fixtures/canonical-json.json are produced by python3 (scripts/gen-canonical-fixtures.py).
 *
 * Pure module (no DOM, no Node APIs): used by the browser pages, the build-time loader and the tests.
 * Parser and serializer are iterative, so deep nesting cannot overflow the JS call stack.
 */

/** A parsed JSON value that keeps what Python keeps: exact ints, floats as doubles, last duplicate key wins. */
export type JsonNode =
  | {type: "null"}
  | {type: "bool"; value: boolean}
  | {type: "int"; digits: string}
  | {type: "float"; value: number}
  | {type: "string"; value: string}
  | {type: "array"; items: JsonNode[]}
  | {type: "object"; members: Map<string, JsonNode>};

export type CanonicalJsonErrorCode =
  | "syntax" // malformed JSON (Python's json.loads rejects it too)
  | "non-finite" // NaN / Infinity / -Infinity / float overflow: Python writes them, strict JSON cannot
  | "lone-surrogate" // Python would decode it but fail at .encode("utf-8")
  | "int-too-long" // Python's default int_max_str_digits limit (4300 digits)
  | "unsupported-value"; // a JS value with no JSON equivalent (canonicalizeValue only)

export class CanonicalJsonError extends Error {
  readonly code: CanonicalJsonErrorCode;
  /** 1-based line and column (in code points) of the offending input, when parsing text. */
  readonly line?: number;
  readonly column?: number;
  /** JSON path of the offending value, e.g. `$.metadata.cross_cats_sorted[0]`. */
  readonly path?: string;
  constructor(code: CanonicalJsonErrorCode, message: string, where: {line?: number; column?: number; path?: string} = {}) {
    super(message);
    this.name = "CanonicalJsonError";
    this.code = code;
    this.line = where.line;
    this.column = where.column;
    this.path = where.path;
  }
}

/** Python's sys.int_info.default_max_str_digits: json.loads refuses longer integer literals. */
export const PYTHON_INT_MAX_STR_DIGITS = 4300;

const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const PLAIN_STRING_RUN_RE = /[^"\\\u0000-\u001f]*/y;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const IDENTIFIER_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

type Step = string | number; // object key or array index

function pathToString(steps: readonly Step[]): string {
  let out = "$";
  for (const step of steps) {
    if (typeof step === "number") out += `[${step}]`;
    else out += IDENTIFIER_RE.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
  }
  return out;
}

function lineColumn(text: string, pos: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < pos; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  // Count code points, as Python's str indices do.
  let column = 1;
  for (let i = lineStart; i < pos; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < pos) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    column++;
  }
  return {line, column};
}

type ParseFrame =
  | {kind: "array"; node: {type: "array"; items: JsonNode[]}; index: number}
  | {kind: "object"; node: {type: "object"; members: Map<string, JsonNode>}; key: string};

/**
 * Parse JSON text the way Python's json.loads does (same grammar, same whitespace, last duplicate key
 * wins), into a typed tree. Rejects, with a CanonicalJsonError giving line/column and JSON path:
 * malformed JSON, NaN/Infinity literals and float overflow (which Python would accept), lone surrogates,
 * and integers longer than Python's default digit limit.
 */
export function parseJson(text: string): JsonNode {
  const length = text.length;
  const stack: ParseFrame[] = [];
  let pos = 0;

  const currentPath = (): string =>
    pathToString(stack.map((f) => (f.kind === "array" ? f.index : f.key)));
  const fail = (code: CanonicalJsonErrorCode, what: string, at: number = pos, withPath = false): never => {
    const {line, column} = lineColumn(text, at);
    const path = withPath ? currentPath() : undefined;
    const where = `line ${line}, column ${column}${path ? ` (at ${path})` : ""}`;
    const prefix = code === "syntax" ? "Malformed JSON" : "Cannot canonicalize";
    throw new CanonicalJsonError(code, `${prefix} at ${where}: ${what}`, {line, column, path});
  };
  const describeHere = (): string =>
    pos >= length ? "end of input" : `${JSON.stringify(String.fromCodePoint(text.codePointAt(pos)!))}`;

  const skipWhitespace = (): void => {
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };

  const parseString = (): string => {
    // pos is at the opening quote
    const start = pos;
    pos++;
    let out = "";
    for (;;) {
      PLAIN_STRING_RUN_RE.lastIndex = pos;
      PLAIN_STRING_RUN_RE.exec(text);
      out += text.slice(pos, PLAIN_STRING_RUN_RE.lastIndex);
      pos = PLAIN_STRING_RUN_RE.lastIndex;
      if (pos >= length) fail("syntax", "unterminated string (missing closing '\"')", start);
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        break;
      }
      if (c < 0x20) {
        fail("syntax", `invalid control character U+${c.toString(16).toUpperCase().padStart(4, "0")} inside a string (write it as an escape such as \\n or \\u00${c.toString(16).padStart(2, "0")})`);
      }
      // backslash escape
      const esc = text[pos + 1];
      switch (esc) {
        case '"': out += '"'; pos += 2; break;
        case "\\": out += "\\"; pos += 2; break;
        case "/": out += "/"; pos += 2; break;
        case "b": out += "\b"; pos += 2; break;
        case "f": out += "\f"; pos += 2; break;
        case "n": out += "\n"; pos += 2; break;
        case "r": out += "\r"; pos += 2; break;
        case "t": out += "\t"; pos += 2; break;
        case "u": {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("syntax", "invalid \\uXXXX escape (needs exactly 4 hex digits)", pos + 1);
          const unit = parseInt(hex, 16);
          if (unit >= 0xd800 && unit <= 0xdbff) {
            const lowHex = text.slice(pos + 8, pos + 12);
            const low = text.startsWith("\\u", pos + 6) && /^[0-9a-fA-F]{4}$/.test(lowHex) ? parseInt(lowHex, 16) : -1;
            if (low >= 0xdc00 && low <= 0xdfff) {
              out += String.fromCharCode(unit, low);
              pos += 12;
              break;
            }
            fail("lone-surrogate", `lone surrogate \\u${hex} (a high surrogate not followed by a \\uDC00-\\uDFFF escape); Python's json.loads keeps it but encoding the canonical form to UTF-8 fails`, pos, true);
          }
          if (unit >= 0xdc00 && unit <= 0xdfff) {
            fail("lone-surrogate", `lone surrogate \\u${hex} (a low surrogate without a preceding high surrogate); Python's json.loads keeps it but encoding the canonical form to UTF-8 fails`, pos, true);
          }
          out += String.fromCharCode(unit);
          pos += 6;
          break;
        }
        default:
          fail("syntax", pos + 1 >= length ? "unterminated string (ends after a backslash)" : `invalid escape \\${text[pos + 1]} in a string`);
      }
    }
    return out;
  };

  const expectKey = (): string => {
    skipWhitespace();
    if (text.charCodeAt(pos) !== 0x22) {
      fail("syntax", `expected a property name in double quotes, found ${describeHere()}`);
    }
    const key = parseString();
    skipWhitespace();
    if (text.charCodeAt(pos) !== 0x3a) fail("syntax", `expected ':' after property name ${JSON.stringify(key)}, found ${describeHere()}`);
    pos++;
    return key;
  };

  const parseNumber = (): JsonNode => {
    NUMBER_RE.lastIndex = pos;
    const m = NUMBER_RE.exec(text);
    if (!m) return fail("syntax", `expected a value, found ${describeHere()}`);
    const start = pos;
    const literal = m[0];
    pos += literal.length;
    if (m[1] === undefined && m[2] === undefined) {
      const negative = literal.startsWith("-");
      const digits = negative ? literal.slice(1) : literal;
      if (digits.length > PYTHON_INT_MAX_STR_DIGITS) {
        fail("int-too-long", `integer literal with ${digits.length} digits; Python's json.loads refuses integers longer than ${PYTHON_INT_MAX_STR_DIGITS} digits (sys.int_info.default_max_str_digits)`, start, true);
      }
      // Python: int("-0") == 0, written back as "0"
      return {type: "int", digits: negative && digits !== "0" ? literal : digits};
    }
    const value = Number(literal);
    if (!Number.isFinite(value)) {
      fail("non-finite", `number ${literal.length > 40 ? literal.slice(0, 40) + "…" : literal} overflows a 64-bit float; Python would read it as inf and write "Infinity", which strict JSON cannot represent`, start, true);
    }
    return {type: "float", value};
  };

  const parseScalar = (): JsonNode => {
    const c = text[pos];
    switch (c) {
      case '"':
        return {type: "string", value: parseString()};
      case "t":
        if (text.startsWith("true", pos)) { pos += 4; return {type: "bool", value: true}; }
        break;
      case "f":
        if (text.startsWith("false", pos)) { pos += 5; return {type: "bool", value: false}; }
        break;
      case "n":
        if (text.startsWith("null", pos)) { pos += 4; return {type: "null"}; }
        break;
      case "N":
        if (text.startsWith("NaN", pos)) fail("non-finite", "NaN is not valid JSON (Python's json accepts and writes it; strict JSON cannot represent it)", pos, true);
        break;
      case "I":
        if (text.startsWith("Infinity", pos)) fail("non-finite", "Infinity is not valid JSON (Python's json accepts and writes it; strict JSON cannot represent it)", pos, true);
        break;
      case "-":
        if (text.startsWith("-Infinity", pos)) fail("non-finite", "-Infinity is not valid JSON (Python's json accepts and writes it; strict JSON cannot represent it)", pos, true);
        return parseNumber();
      default:
        if (c !== undefined && c >= "0" && c <= "9") return parseNumber();
    }
    return fail("syntax", `expected a value, found ${describeHere()}`);
  };

  // Python reads text (a str); a str with a lone surrogate decodes but cannot be encoded back to UTF-8.
  const lone = LONE_SURROGATE_RE.exec(text);
  if (lone) {
    const {line, column} = lineColumn(text, lone.index);
    throw new CanonicalJsonError(
      "lone-surrogate",
      `Cannot canonicalize at line ${line}, column ${column}: the text contains a lone UTF-16 surrogate U+${text.charCodeAt(lone.index).toString(16).toUpperCase()}, which has no UTF-8 encoding`,
      {line, column},
    );
  }
  if (text.charCodeAt(0) === 0xfeff) fail("syntax", "unexpected byte order mark (U+FEFF) at the start; Python's json.loads rejects it too");

  let result: JsonNode | undefined;
  outer: for (;;) {
    skipWhitespace();
    let value: JsonNode;
    const c = text.charCodeAt(pos);
    if (c === 0x7b /* { */) {
      pos++;
      const node = {type: "object" as const, members: new Map<string, JsonNode>()};
      skipWhitespace();
      if (text.charCodeAt(pos) === 0x7d) {
        pos++;
        value = node;
      } else {
        stack.push({kind: "object", node, key: expectKey()});
        continue;
      }
    } else if (c === 0x5b /* [ */) {
      pos++;
      const node = {type: "array" as const, items: [] as JsonNode[]};
      skipWhitespace();
      if (text.charCodeAt(pos) === 0x5d) {
        pos++;
        value = node;
      } else {
        stack.push({kind: "array", node, index: 0});
        continue;
      }
    } else {
      if (pos >= length) fail("syntax", stack.length ? "unexpected end of input, expected a value" : "empty input, expected a JSON value");
      value = parseScalar();
    }
    // Attach the finished value to its container; close containers as their ends arrive.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        result = value;
        break outer;
      }
      skipWhitespace();
      const next = text.charCodeAt(pos);
      if (top.kind === "array") {
        top.node.items.push(value);
        if (next === 0x2c) {
          pos++;
          top.index++;
          continue outer;
        }
        if (next === 0x5d) {
          pos++;
          stack.pop();
          value = top.node;
          continue;
        }
        fail("syntax", `expected ',' or ']' after an array element, found ${describeHere()}`);
      } else {
        top.node.members.set(top.key, value); // duplicate keys: the last one wins, as in Python
        if (next === 0x2c) {
          pos++;
          top.key = expectKey();
          continue outer;
        }
        if (next === 0x7d) {
          pos++;
          stack.pop();
          value = top.node;
          continue;
        }
        fail("syntax", `expected ',' or '}' after an object member, found ${describeHere()}`);
      }
    }
  }
  skipWhitespace();
  if (pos < length) fail("syntax", `extra data after the JSON value: ${describeHere()}`);
  return result;
}

/**
 * Python's repr(float) for a finite double: shortest round-trip digits (the same digits JS picks),
 * fixed notation when the decimal exponent is in [-4, 16), else scientific with a two-digit exponent.
 * 1 -> "1.0", 1e-7 -> "1e-07", 1e16 -> "1e+16", -0 -> "-0.0", 0.1 -> "0.1".
 */
export function formatPythonFloat(x: number): string {
  if (!Number.isFinite(x)) {
    throw new CanonicalJsonError("non-finite", `Cannot canonicalize ${x}: Python writes it as ${x !== x ? "NaN" : x > 0 ? "Infinity" : "-Infinity"}, which strict JSON cannot represent`);
  }
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  // String(x) gives the shortest round-trip digits with ECMAScript's closest-value tie-break (as Python's repr).
  const [mantissa, exponentText] = String(Math.abs(x)).split("e");
  const [intPart, fracPart = ""] = mantissa.split(".");
  let digits = intPart + fracPart;
  // value = 0.<digits> * 10^decpt
  let decpt = intPart.length + (exponentText ? Number(exponentText) : 0);
  const leadingZeros = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(leadingZeros);
  decpt -= leadingZeros;
  digits = digits.replace(/0+$/, "");
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const exponent = decpt - 1;
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${m}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

const PY_ESCAPES: Record<string, string> = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"};
// Other C0 controls: Python writes \u00XX with lowercase hex.
for (let c = 0; c < 0x20; c++) {
  const ch = String.fromCharCode(c);
  if (!(ch in PY_ESCAPES)) PY_ESCAPES[ch] = "\\u" + c.toString(16).padStart(4, "0");
}
const PY_ESCAPE_RE = /["\\\u0000-\u001f]/g;

/** A JSON string literal as Python writes it with ensure_ascii=False (non-ASCII stays raw). */
export function encodePythonString(value: string, path: string | (() => string) = "$"): string {
  const lone = LONE_SURROGATE_RE.exec(value);
  if (lone) {
    if (typeof path === "function") path = path(); // computed only on error: deep trees stay linear
    throw new CanonicalJsonError(
      "lone-surrogate",
      `Cannot canonicalize the string at ${path}: it contains a lone UTF-16 surrogate U+${value.charCodeAt(lone.index).toString(16).toUpperCase()} (index ${lone.index}), which has no UTF-8 encoding (Python's .encode("utf-8") fails too)`,
      {path},
    );
  }
  return '"' + value.replace(PY_ESCAPE_RE, (ch) => PY_ESCAPES[ch]) + '"';
}

/** Compare strings by Unicode code point (Python's str order), not by UTF-16 unit (JS's default sort). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800-DFFF) encode code points above FFFF: move them above E000-FFFF.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

type WriteFrame =
  | {kind: "array"; items: JsonNode[]; index: number}
  | {kind: "object"; keys: string[]; members: Map<string, JsonNode>; index: number};

/** Serialize a typed tree as Python's json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False). */
export function serializeNode(root: JsonNode): string {
  const out: string[] = [];
  const stack: WriteFrame[] = [];
  const currentPath = (): string =>
    pathToString(stack.map((f) => (f.kind === "array" ? f.index - 1 : f.keys[f.index - 1])));
  let node: JsonNode | null = root;
  for (;;) {
    if (node !== null) {
      switch (node.type) {
        case "null": out.push("null"); break;
        case "bool": out.push(node.value ? "true" : "false"); break;
        case "int": out.push(node.digits); break;
        case "float":
          try {
            out.push(formatPythonFloat(node.value));
          } catch (e) {
            if (e instanceof CanonicalJsonError) throw new CanonicalJsonError(e.code, `${e.message} (at ${currentPath()})`, {path: currentPath()});
            throw e;
          }
          break;
        case "string": out.push(encodePythonString(node.value, currentPath)); break;
        case "array":
          out.push("[");
          stack.push({kind: "array", items: node.items, index: 0});
          break;
        case "object":
          out.push("{");
          stack.push({kind: "object", keys: [...node.members.keys()].sort(compareCodePoints), members: node.members, index: 0});
          break;
      }
      node = null;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    if (top.kind === "array") {
      if (top.index < top.items.length) {
        if (top.index > 0) out.push(",");
        node = top.items[top.index++];
      } else {
        out.push("]");
        stack.pop();
      }
    } else {
      if (top.index < top.keys.length) {
        const key = top.keys[top.index++];
        if (top.index > 1) out.push(",");
        out.push(encodePythonString(key, () => currentPath() + " (key)"), ":");
        node = top.members.get(key)!;
      } else {
        out.push("}");
        stack.pop();
      }
    }
  }
  return out.join("");
}

/** Canonical JSON text of JSON source text (what Pith hashes, before UTF-8 encoding). */
export function canonicalizeText(text: string): string {
  return serializeNode(parseJson(text));
}

/**
 * Typed tree of an already-parsed JS value, for records built in code. JS cannot tell 1 from 1.0, so:
 * safe integers and bigints become Python ints, other finite numbers Python floats (use the text parser
 * when a value must stay a float like 1.0). Non-finite numbers, integral numbers beyond 2^53 (ambiguous:
 * pass a bigint), undefined, functions, symbols, non-plain objects and cycles are refused with the path.
 */
export function valueToNode(value: unknown): JsonNode {
  const ancestors = new Set<object>();
  const convert = (v: unknown, steps: Step[]): JsonNode => {
    const refuse = (what: string): never => {
      const path = pathToString(steps);
      throw new CanonicalJsonError(what.startsWith("non-finite") ? "non-finite" : "unsupported-value", `Cannot canonicalize the value at ${path}: ${what.replace(/^non-finite: /, "")}`, {path});
    };
    if (v === null) return {type: "null"};
    switch (typeof v) {
      case "boolean": return {type: "bool", value: v};
      case "string":
        encodePythonString(v, pathToString(steps)); // reject lone surrogates now, with the path
        return {type: "string", value: v};
      case "bigint": return {type: "int", digits: v.toString()};
      case "number":
        if (!Number.isFinite(v)) return refuse(`non-finite: ${v} (Python would write ${v !== v ? "NaN" : v > 0 ? "Infinity" : "-Infinity"}, which strict JSON cannot represent)`);
        if (Number.isInteger(v)) {
          if (!Number.isSafeInteger(v)) return refuse(`the integral number ${v} is beyond 2^53, so it may not be exact; pass a bigint (for an int) or parse the JSON text (for a float)`);
          return {type: "int", digits: Object.is(v, -0) ? "0" : String(v)};
        }
        return {type: "float", value: v};
      case "object": {
        if (ancestors.has(v)) return refuse("a cycle (the value contains itself)");
        ancestors.add(v);
        try {
          if (Array.isArray(v)) return {type: "array", items: v.map((item, i) => convert(item, [...steps, i]))};
          const proto = Object.getPrototypeOf(v);
          if (proto !== Object.prototype && proto !== null) return refuse(`a ${v.constructor?.name ?? "non-plain"} object has no JSON form; convert it to a plain object, array, string or number first`);
          const members = new Map<string, JsonNode>();
          for (const [k, item] of Object.entries(v)) members.set(k, convert(item, [...steps, k]));
          return {type: "object", members};
        } finally {
          ancestors.delete(v);
        }
      }
      default:
        return refuse(`a ${typeof v} has no JSON form`);
    }
  };
  return convert(value, []);
}

/** Canonical JSON text of an already-parsed JS value (see valueToNode for how numbers are read). */
export function canonicalizeValue(value: unknown): string {
  return serializeNode(valueToNode(value));
}

/** Plain JS value of a typed tree, for display: ints as numbers when safe, else bigint. */
export function nodeToValue(node: JsonNode): unknown {
  switch (node.type) {
    case "null": return null;
    case "bool": return node.value;
    case "int": {
      const n = Number(node.digits);
      return Number.isSafeInteger(n) ? n : BigInt(node.digits);
    }
    case "float": return node.value;
    case "string": return node.value;
    case "array": return node.items.map(nodeToValue);
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.members) out[k] = nodeToValue(v);
      return out;
    }
  }
}

/** The member `key` of an object node, or undefined. */
export function getMember(node: JsonNode, key: string): JsonNode | undefined {
  return node.type === "object" ? node.members.get(key) : undefined;
}

/**
 * JSON paths where two typed trees differ (a member added, removed or changed; an element changed),
 * e.g. ["$.metadata.license", "$.source.version"]. Used to explain why two records hash differently.
 */
export function diffJsonNodes(a: JsonNode, b: JsonNode, limit = 50): string[] {
  const out: string[] = [];
  const work: [JsonNode | undefined, JsonNode | undefined, Step[]][] = [[a, b, []]];
  while (work.length && out.length < limit) {
    const [x, y, steps] = work.pop()!;
    if (x === undefined || y === undefined || x.type !== y.type) {
      out.push(pathToString(steps));
    } else if (x.type === "object" && y.type === "object") {
      const keys = [...new Set([...x.members.keys(), ...y.members.keys()])].sort(compareCodePoints).reverse();
      for (const k of keys) work.push([x.members.get(k), y.members.get(k), [...steps, k]]);
    } else if (x.type === "array" && y.type === "array") {
      for (let i = Math.max(x.items.length, y.items.length) - 1; i >= 0; i--) work.push([x.items[i], y.items[i], [...steps, i]]);
    } else if (serializeNode(x) !== serializeNode(y)) {
      out.push(pathToString(steps));
    }
  }
  return out;
}
