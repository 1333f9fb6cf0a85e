// Typed access to htl's html tagged template (htl 0.3.1 ships no type declarations).
// @ts-ignore -- untyped module; the cast below states the part of its API the paper pages use
import {html as htlHtml} from "htl";

/** htl's html`...`: returns a DOM node (an element for a single root, else a fragment). */
export const html = htlHtml as (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement;
