// The toy's address bar: replaceState while a setting is moving (the bar always holds the live settings),
// pushState once a run completes with new settings, so Back returns to the previous completed settings.
import { MAX_SEARCH_LENGTH } from "../../lib/toy/index.js";

export class UrlHistory {
  /** the URL of the current history entry's completed settings */
  private committed: string;
  /** @param keep query parameters that are not page state but stay in the URL (e.g. workers) */
  constructor(private readonly keep: Record<string, string>) {
    this.committed = location.href;
  }
  private url(search: string): string {
    const q = new URLSearchParams(search);
    for (const [k, v] of Object.entries(this.keep)) q.set(k, v);
    const s = q.toString();
    return location.pathname + (s ? `?${s}` : "") + location.hash;
  }
  /** false when the settings are too long for a link (nothing is written then) */
  fits(search: string): boolean {
    return search.length <= MAX_SEARCH_LENGTH;
  }
  /** while dragging or typing */
  live(search: string): boolean {
    if (!this.fits(search)) return false;
    history.replaceState(null, "", this.url(search));
    return true;
  }
  /** a run with these settings completed: a new history entry unless the settings are the entry's own */
  completed(search: string): boolean {
    if (!this.fits(search)) return false;
    const next = new URL(this.url(search), location.href).href;
    if (next !== this.committed) {
      history.replaceState(null, "", this.committed);
      history.pushState(null, "", next);
      this.committed = next;
    } else history.replaceState(null, "", next);
    return true;
  }
  /** an explicit navigation (a tour step): a new entry at once */
  navigate(search: string): boolean {
    if (!this.fits(search)) return false;
    const next = new URL(this.url(search), location.href).href;
    if (next !== location.href) history.pushState(null, "", next);
    this.committed = next;
    return true;
  }
  /** after Back/Forward: the entry we are on is completed settings */
  restored(): void {
    this.committed = location.href;
  }
}
