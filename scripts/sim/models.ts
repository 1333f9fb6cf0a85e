// The models `npm run sim -- --model NAME` can run (and worker threads can look up by name).
import type { SimModel } from "./model.js";
import { toyModel } from "./toy-model.js";
import { tokensModel } from "./tokens-model.js";

export const MODELS: Record<string, SimModel<any, any>> = {
  toy: toyModel,
  tokens: tokensModel,
};
export const MODEL_IDS = Object.keys(MODELS);

export function modelById(id: string): SimModel<any, any> {
  const m = MODELS[id];
  if (!m) throw new Error(`unknown model '${id}' (known: ${MODEL_IDS.join(", ")})`);
  return m;
}
