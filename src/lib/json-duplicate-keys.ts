// Duplicate keys in JSON text: JSON.parse and Python's json.loads both keep the last one silently, so a
// record with `"title"` twice hashes as if the first never existed. This finds them, for a warning.
// It assumes the text already parses (run it after the parser) and only walks strings and brackets.

export interface DuplicateKey {
  key: string;
  /** JSON path of the object holding it, "$" for the top level. */
  path: string;
  /** 1-based line and column of the repeated key. */
  line: number;
  column: number;
}

/** Every repeated key, in text order (at most `limit`). Linear in the text length. */
export function duplicateKeys(text: string, limit = 20): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // per open container: the keys seen (objects), its path, and the key/index leading into the next value
  const stack: {keys: Set<string> | null; path: string; next: string}[] = [];
  let line = 1;
  let lineStart = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") { line++; lineStart = i + 1; continue; }
    if (c === "{" || c === "[") {
      const parent = stack[stack.length - 1];
      const path = parent ? parent.path + parent.next : "$";
      stack.push({keys: c === "{" ? new Set() : null, path, next: c === "[" ? "[0]" : ""});
      expectKey = c === "{";
      continue;
    }
    if (c === "}" || c === "]") { stack.pop(); expectKey = false; continue; }
    if (c === ",") {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.next = `[${Number(top.next.slice(1, -1)) + 1}]`;
      continue;
    }
    if (c === '"') {
      const start = i;
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, j + 1)) as string;
        } catch {
          key = text.slice(start + 1, j);
        }
        if (top.keys.has(key) && found.length < limit) found.push({key, path: top.path, line, column: start - lineStart + 1});
        top.keys.add(key);
        top.next = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
        expectKey = false;
      }
      i = j;
    }
  }
  return found;
}
