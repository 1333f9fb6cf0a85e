// DuckDB's error text as the reader should read it: the message once, without the worker's stack trace.
// DuckDB-wasm repeats the "LINE n: … ^" excerpt of parser errors; one copy is enough.

const EXCERPT = /(\nLINE \d+: [^\n]*\n[ \t]*\^[^\n]*)(?:\1)+/g;

export function readableDuckDbError(message: string): string {
  let text = message.replace(/\n\s+at [^\n]*/g, "");
  // errors of streamed statements come as JSON: {"exception_type":"Parser","exception_message":"…"}
  try {
    const parsed = JSON.parse(text) as {exception_type?: unknown; exception_message?: unknown};
    if (parsed && typeof parsed.exception_message === "string") {
      text = `${typeof parsed.exception_type === "string" ? `${parsed.exception_type} Error: ` : ""}${parsed.exception_message}`;
    }
  } catch {
    // plain text
  }
  text = text.replace(/\n\n(LINE \d+:)/g, "\n$1");
  text = text.replace(EXCERPT, "$1");
  return text.trim();
}
