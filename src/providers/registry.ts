import { Context, Effect, Layer } from "effect"
import type { ProviderWordsByLang } from "../i18n/index.js"
import type { ProviderService, QuotaProvider } from "../services/QuotaProvider.js"
import { Claude } from "./claude/index.js"
import { Copilot } from "./copilot/index.js"
import { Zai, Zhipu } from "./glm/index.js"
import { Google } from "./google/index.js"
import { Kimi } from "./kimi/index.js"
import { MiniMax } from "./minimax/index.js"
import { OpenAi } from "./openai/index.js"
import { OpenCodeGo } from "./opencode-go/index.js"
import { OpenRouter } from "./openrouter/index.js"

/** Every platform's service, in report order. Adding one is its folder and a line here. */
export const REGISTRY = [
  OpenAi,
  Claude,
  Zhipu,
  Zai,
  Copilot,
  Google,
  Kimi,
  OpenCodeGo,
  MiniMax,
  OpenRouter
] as const

/** The registered platforms' services, each built from its own layer, as one list for the program. */
export class Providers extends Context.Tag("mystatus/Providers")<Providers, ReadonlyArray<QuotaProvider>>() {
  static readonly layer = Layer.effect(Providers, Effect.all(REGISTRY)).pipe(
    Layer.provide(Layer.mergeAll(...layers(REGISTRY)))
  )
}

/** The services' layers, as a tuple `Layer.mergeAll` can type. */
function layers<const P extends readonly [ProviderService, ...Array<ProviderService>]>(providers: P) {
  return providers.map((provider) => provider.layer) as unknown as { readonly [K in keyof P]: P[K]["layer"] }
}

/** A platform's own words, by its id (`undefined` for OpenCode's auth.json, which has none). */
export const wordsOf = (id: string): ProviderWordsByLang | undefined =>
  REGISTRY.find((provider) => provider.id === id)?.words
