import { Context, Effect, Layer } from "effect"
import type { QuotaProvider } from "../services/QuotaProvider.js"
import { makeCopilot } from "./copilot.js"
import { makeGoogle } from "./google.js"
import { makeOpenAi } from "./openai.js"
import { makeZai, makeZhipu } from "./zhipu.js"

/** Every platform, in report order. Adding one is a line here. */
export const makeProviders = Effect.all([makeOpenAi, makeZhipu, makeZai, makeCopilot, makeGoogle])

export class Providers extends Context.Tag("mystatus/Providers")<Providers, ReadonlyArray<QuotaProvider>>() {
  static readonly layer = Layer.effect(Providers, makeProviders)
}
