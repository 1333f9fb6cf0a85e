// A "Copy" button for a piece of text (a citation, a command): copies it and says so, politely, in words.
import {html} from "./paper-html.js";

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  // Fallback for browsers without the async clipboard (e.g. pages served over plain http to another host).
  const area = html`<textarea readonly style="position:fixed;top:0;left:-9999px"></textarea>` as HTMLTextAreaElement;
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("the browser refused to copy");
}

/**
 * `label` names what is copied ("Copy the BibTeX"); the status text after the button reports the outcome.
 * `text` may be a function for text that changes (the toy's link follows its settings): read at click time.
 */
export function copyButton(text: string | (() => string), {label, testid}: {label: string; testid?: string}): HTMLElement {
  const status = html`<span class="copy-status" role="status"></span>`;
  const button = html`<button type="button" class="copy-button" data-testid=${testid ?? "copy-button"}>${label}</button>`;
  button.addEventListener("click", async () => {
    try {
      await copyText(typeof text === "function" ? text() : text);
      status.textContent = "Copied.";
    } catch (e) {
      status.textContent = `Could not copy (${(e as Error).message}); select the text and copy it by hand.`;
    }
  });
  return html`<span class="copy-control">${button}${status}</span>`;
}
