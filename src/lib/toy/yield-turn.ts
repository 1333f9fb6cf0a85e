// A turn of the event loop, so a long run reads a cancel message between chunks of work, without
// setTimeout's clamp on nested timers (in a Chromium worker that clamp made the token toy's one-worker run
// about 3× slower than the same loop in Node: measured with scripts/bench-tokens.ts). Falls back to
// setTimeout where MessageChannel is missing.
export function yieldTurn(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(null);
  });
}
