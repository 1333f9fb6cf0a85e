// The paper version a page shows, kept in its URL (?v=preprint|v1|v2) so a link names what it shows. Pure.
import {ARXIV_V1, ARXIV_V2, PREPRINT} from "./paper-vocabulary.js";

export const VERSION_SLUGS: Readonly<Record<string, string>> = {[PREPRINT]: "preprint", [ARXIV_V1]: "v1", [ARXIV_V2]: "v2"};

/**
 * The version to show: that of the number the hash names (a permalink must show its number), else the
 * ?v= parameter, else null. Only versions in `allowed` are returned.
 */
export function versionFromUrl(url: string, allowed: readonly string[], versionOfNumber: (id: string) => string | undefined): string | null {
  const {searchParams, hash} = new URL(url, "http://localhost/");
  const id = /^#(n-[0-9a-f]+)$/.exec(hash)?.[1];
  const fromNumber = id ? versionOfNumber(id) : undefined;
  if (fromNumber && allowed.includes(fromNumber)) return fromNumber;
  const slug = searchParams.get("v");
  const fromSlug = Object.entries(VERSION_SLUGS).find(([key, s]) => s === slug && allowed.includes(key))?.[0];
  return fromSlug ?? null;
}

/** The same URL with ?v= set to the version's slug (hash and other parameters kept). */
export function urlWithVersion(url: string, version: string): string {
  const u = new URL(url);
  const slug = VERSION_SLUGS[version];
  if (slug) u.searchParams.set("v", slug);
  return u.href;
}
