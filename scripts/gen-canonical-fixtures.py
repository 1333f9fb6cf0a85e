#!/usr/bin/env python3
"""Independent fixtures for src/lib/canonical-json.ts and the title/abstract canonicalisation in src/lib/pith.ts.

Python itself is the reference: every expected value below is what CPython computes with the recipe Pith
publishes (json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False) encoded
as UTF-8; " ".join(text.split()).lower() for titles and abstracts). Nothing here is computed by our
TypeScript code.

Writes (default directory: test/fixtures next to this repo's scripts/):
  canonical-json.json    accepted inputs -> canonical text + sha256; inputs we must reject (with what Python does)
  pith-text-canon.json   Python's whitespace set (str.isspace) and text -> canon string -> sha256 cases

Usage: python3 scripts/gen-canonical-fixtures.py [--out-dir DIR]
Deterministic (fixed random seed), so re-running must reproduce the committed files byte for byte,
apart from the "generator" block (which names the Python version).
"""
import argparse
import hashlib
import json
import math
import os
import random
import struct
import sys


def canon(text):
    return json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


ACCEPTED = []


def ok(name, text):
    c = canon(text)
    ACCEPTED.append({"name": name, "input": text, "canonical": c, "sha256": sha(c)})


# --- floats: Python repr(float) rules ---------------------------------------------------------------
for lit in ["1.0", "1e-07", "1E-7", "1e16", "1e+16", "1e15", "1e-4", "1e-5", "0.0001", "0.00001", "-0.0", "-0",
            "-0e5", "0e0", "0.1", "0.30000000000000004", "2.5", "100.0", "100e0", "1e21", "1e22", "1.5e300",
            "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1e-400", "-1e-400",
            "123456789012345678.0", "1234567890123456.7", "9999999999999998.0", "1e+015", "1.0000000000000002",
            "9007199254740993.0", "0.000123", "-12.5e-3", "3.14159265358979323846264338327950288"]:
    ok(f"float {lit}", lit)

rng = random.Random(20260526)
count = 0
while count < 400:
    x = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
    if math.isnan(x) or math.isinf(x):
        continue
    ok(f"random float #{count} (repr)", repr(x))
    ok(f"random float #{count} (%.17e)", "%.17e" % x)
    count += 1
for i in range(100):
    # floats in the range where Python switches between fixed and exponent notation
    x = rng.uniform(1, 10) * 10 ** rng.randint(-8, 18)
    ok(f"random mid-range float #{i}", repr(x))

# --- ints: exact, however large ----------------------------------------------------------------------
for lit in ["0", "-1", "42", "9007199254740993", "-9007199254740993", "12345678901234567890123456789",
            "10000000000000000"]:
    ok(f"int {lit}", lit)
ok("int with 4300 digits (Python's default limit)", "7" * 4300)
for i in range(50):
    ok(f"random big int #{i}", str(rng.randint(-(10 ** 60), 10 ** 60)))

# --- strings and escapes -----------------------------------------------------------------------------
ok("all C0 control characters as escapes", json.dumps("".join(chr(c) for c in range(0x20))))
ok("short escapes", r'"quote \" backslash \\ slash \/ b \b f \f n \n r \r t \t"')
ok("DEL, U+0080, U+2028, U+2029 stay raw", '"\\u007f\\u0080\\u2028\\u2029"')
ok("non-ASCII stays raw (ensure_ascii=False)", '"caf\\u00e9 \u00e9 \u4e2d\u6587 \U0001F600"')
ok("escaped surrogate pair becomes one code point", '"\\ud83d\\ude00"')
ok("uppercase hex escape", '"\\u00E9\\u001F"')
ok("NUL escape", '"a\\u0000b"')
ok("BOM character inside a string", '"\\ufeff"')

# --- keys: code-point order, duplicates --------------------------------------------------------------
ok("non-BMP keys sort by code point", '{"\\uffff":1,"\U0001F600":2,"\\ue000":3,"a":4,"":5,"\u00e9":6,"aa":7,"ab":8,"\U00010000":9,"\\ud7ff":10}')
ok("duplicate keys: last wins", '{"a":1,"a":2}')
ok("duplicate keys: last wins, order by key", '{"b":1,"a":2,"b":3}')
ok("keys needing escapes", '{"\\n":1,"\\"":2,"\\\\":3,"\\u0001":4}')
ok("numeric-looking keys sort as strings", '{"10":1,"9":2,"1":3,"a":4}')

# --- structure and whitespace ------------------------------------------------------------------------
ok("whitespace everywhere", ' \t\n\r{ "a" : [ 1 , 2.0 , { } , [ ] ] ,\n "b" : null } \n')
ok("empty object", "{}")
ok("empty array", "[]")
ok("top-level string", '"x"')
ok("top-level true", "true")
ok("top-level null", "null")
ok("nested arrays, depth 500", "[" * 500 + "]" * 500)
ok("nested objects, depth 300", '{"k":' * 300 + "0" + "}" * 300)
ok("record-like", '{"schema_version":"1.0","source":{"kind":"arxiv","id":"2506.10947","version":2},'
   '"metadata":{"submitted_at":"2025-06-12T17:49:55Z","cross_cats_sorted":["cs.LG"],"score":1.0,"tiny":1e-07}}')

# --- inputs we must reject ---------------------------------------------------------------------------
REJECTED = []


def rejected(name, text, code):
    """code: what our parser must report (our contract). python: what CPython does with the same text."""
    try:
        c = canon(text)
        try:
            c.encode("utf-8")
            python = "accepts and writes " + (c if len(c) <= 60 else c[:60] + "...")
        except UnicodeEncodeError as e:
            python = "loads and dumps it, but .encode('utf-8') fails: " + e.reason
    except json.JSONDecodeError as e:
        python = f"json.loads rejects it: {e.msg} (line {e.lineno}, column {e.colno})"
    except ValueError as e:
        python = f"json.loads rejects it: {e}"
    entry = {"name": name, "input": text, "code": code, "python": python}
    if code == "syntax":
        e = json_error(text)
        entry["python_line"], entry["python_column"] = e.lineno, e.colno
    REJECTED.append(entry)


def json_error(text):
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        return e
    raise AssertionError(f"expected json.loads to reject {text!r}")


rejected("NaN literal", "NaN", "non-finite")
rejected("Infinity literal", "Infinity", "non-finite")
rejected("-Infinity literal", "-Infinity", "non-finite")
rejected("NaN nested in a record", '{"metadata":{"scores":[1,NaN]}}', "non-finite")
rejected("float overflow 1e999", "1e999", "non-finite")
rejected("float overflow -1e999", '{"x":-1e999}', "non-finite")
rejected("float overflow by long mantissa", "9" * 400 + ".0", "non-finite")
rejected("escaped lone high surrogate", '"\\ud800"', "lone-surrogate")
rejected("escaped lone low surrogate", '"\\udc00"', "lone-surrogate")
rejected("high surrogate followed by a non-surrogate escape", '"\\ud800\\u0041"', "lone-surrogate")
rejected("raw lone surrogate in the text", '"a\ud800b"', "lone-surrogate")
rejected("lone surrogate in a key", '{"\\udfff":1}', "lone-surrogate")
rejected("int with 4301 digits", "7" * 4301, "int-too-long")
for name, text in [("empty input", ""), ("only whitespace", "  \n "), ("unclosed object", "{"),
                   ("unclosed array", "[1,2"), ("trailing comma in array", "[1,]"),
                   ("trailing comma in object", '{"a":1,}'), ("single quotes", "{'a':1}"),
                   ("leading zero", "01"), ("bare decimal point", "1."), ("leading decimal point", ".5"),
                   ("plus sign", "+1"), ("hex number", "0x10"), ("lone minus", "-"), ("truncated literal", "tru"),
                   ("raw newline in a string", '"a\nb"'), ("raw tab in a string", '"a\tb"'),
                   ("invalid escape", '"\\x41"'), ("short unicode escape", '"\\u12"'),
                   ("missing comma", "[1 2]"), ("missing colon", '{"a" 1}'), ("unquoted key", "{a:1}"),
                   ("extra data", "1 2"), ("unterminated string", '"abc'), ("byte order mark", "\ufeff{}"),
                   ("comment", '{"a":1 /* no */}'), ("error on line 3", '{\n  "a": 1,\n  "b": ]\n}')]:
    rejected(name, text, "syntax")

# --- Python str.split() whitespace and title/abstract canon -------------------------------------------
PY_WHITESPACE = [c for c in range(0x110000) if chr(c).isspace()]
TEXT_CASES = []


def text_case(name, text):
    c = " ".join(text.split()).lower()
    TEXT_CASES.append({"name": name, "text": text, "canon": c, "sha256": sha(c)})


text_case("title of 2506.10947", "Spurious Rewards: Rethinking Training Signals in RLVR")
text_case("LaTeX and -- are kept", "  Learning $\\alpha$-Divergences -- a  Study\n of {\\em GRPO}  ")
text_case("every Python whitespace character", "a" + "".join(chr(c) for c in PY_WHITESPACE) + "b")
text_case("characters JS \\s treats differently", "a\x1cb\x1dc\x1ed\x1fe\x85f\u200bg\ufeffh\u180ei")
text_case("German sharp s and Turkish dotted I", "STRASSE Stra\u00dfe \u0130stanbul I\u0307")
text_case("Greek final sigma", "\u039f\u0394\u039f\u03a3 \u039f\u0394\u039f\u03a3.")
text_case("non-BMP letters", "\U0001D400\U0001D401 \U00010400 \U0001F600")
text_case("empty", "")
text_case("only whitespace", " \n\t\u3000 ")
text_case("decomposed accents are not normalised", "Cafe\u0301 Caf\u00e9")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--out-dir", default=os.path.join(here, "..", "test", "fixtures"))
    args = parser.parse_args()
    generator = {
        "script": "scripts/gen-canonical-fixtures.py",
        "python_version": sys.version.split()[0],
        "recipe": "json.dumps(json.loads(input), sort_keys=True, separators=(',', ':'), ensure_ascii=False); sha256 of its UTF-8 bytes",
    }
    canonical = {
        "generator": generator,
        "accepted": ACCEPTED,
        "rejected": REJECTED,
    }
    text = {
        "generator": dict(generator, recipe='" ".join(text.split()).lower(); sha256 of its UTF-8 bytes'),
        "python_whitespace_code_points": PY_WHITESPACE,
        "cases": TEXT_CASES,
    }
    os.makedirs(args.out_dir, exist_ok=True)
    for name, obj in [("canonical-json.json", canonical), ("pith-text-canon.json", text)]:
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8") as f:
            # ensure_ascii=True: lone surrogates in inputs survive as \udXXX escapes
            json.dump(obj, f, indent=1, ensure_ascii=True)
            f.write("\n")


if __name__ == "__main__":
    main()
