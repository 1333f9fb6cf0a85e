// Markup as escaped strings, turned into DOM once per list. htl parses its template on every call, which for
// the audit's ~140 cards and ~125 findings took over a second on the main thread; one innerHTML per list takes
// a few milliseconds. Every interpolated value is escaped unless it is markup built here (Markup).

export class Markup {
  constructor(readonly html: string) {}
}

const ESC: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Markup) return v.html;
  if (Array.isArray(v)) return v.map(render).join("");
  return esc(String(v));
}

/** h`<p class="x">${text}</p>`: interpolations are escaped text, Markup, or arrays of either. */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0];
  values.forEach((v, i) => (out += render(v) + strings[i + 1]));
  return new Markup(out);
}

/** The single root element of some markup. */
export function toElement(m: Markup): HTMLElement {
  const t = document.createElement("template");
  t.innerHTML = m.html.trim();
  return t.content.firstElementChild as HTMLElement;
}
