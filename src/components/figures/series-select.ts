// The compare card's series picker: a labelled <select multiple> that works as an Observable input (the form's
// `value` is the chosen option texts, and choosing fires "input", so Generators.input and view() read it).
// Built with the DOM directly, not Inputs.select: that parses an htl template per option, and for the ~200
// MATH-500 series it was a 50 ms main-thread task during /figures' load (issue #10: no task over 50 ms).

let nextId = 0;

export type SeriesSelect = HTMLFormElement & {value: string[]};

export function seriesSelect(options: readonly string[], {label, size, value}: {label: string; size: number; value: readonly string[]}): SeriesSelect {
  const form = document.createElement("form");
  form.className = "series-select";
  const select = document.createElement("select");
  select.id = `series-select-${++nextId}`;
  select.name = "input";
  select.multiple = true;
  select.size = Math.min(size, Math.max(1, options.length));
  const chosen = new Set(value);
  for (const text of options) {
    const option = document.createElement("option");
    option.value = option.textContent = text;
    option.selected = chosen.has(text);
    select.append(option);
  }
  const caption = document.createElement("label");
  caption.htmlFor = select.id;
  caption.textContent = label;
  form.append(caption, select);
  form.addEventListener("submit", (e) => e.preventDefault());
  Object.defineProperty(form, "value", {
    get: () => Array.from(select.selectedOptions, (o) => o.value),
    set(v: readonly string[]) {
      const next = new Set(v);
      for (const o of select.options) o.selected = next.has(o.value);
    },
  });
  return form as SeriesSelect;
}
