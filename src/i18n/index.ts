import { Config, Effect, Option } from "effect"
import { en } from "./en.js"
import { fr } from "./fr.js"
import { ko } from "./ko.js"
import type { Locale, ProviderWords } from "./Locale.js"
import { zhCN } from "./zh-CN.js"
import { zhTW } from "./zh-TW.js"

/** Every language, by its BCP 47 tag. Adding one is its file and a line here; the compiler lists what it lacks. */
export const LOCALES = { en, "zh-CN": zhCN, "zh-TW": zhTW, fr, ko } satisfies Readonly<Record<string, Locale>>

export type Lang = keyof typeof LOCALES
export const LANGS = Object.keys(LOCALES) as ReadonlyArray<Lang>

/** A platform's own words in every language (see `ProviderWords`), kept in its folder. */
export type ProviderWordsByLang<
  ScopeKey extends string = string,
  HintKey extends string = string,
  ProblemKey extends string = string
> = Readonly<Record<Lang, ProviderWords<ScopeKey, HintKey, ProblemKey>>>

/**
 * The language a tag or a POSIX locale names, by its usual spellings: `zh`, `zh_CN.UTF-8`, `zh-Hans` → zh-CN;
 * `zh_TW`, `zh-Hant`, `zh-HK`, `zh_MO` → zh-TW; `fr-CA`, `fr_FR.UTF-8` → fr; `ko-KR` → ko. `undefined` for anything
 * else (the caller falls back to English) and for `C`/`POSIX`, which say "no preference".
 */
export const parseLang = (value: string): Lang | undefined => {
  const tag = value.trim().replace(/[.@].*$/, "").replaceAll("_", "-").toLowerCase()
  if (tag === "" || tag === "c" || tag === "posix") return undefined
  const [language, ...rest] = tag.split("-")
  switch (language) {
    case "en":
      return "en"
    case "fr":
      return "fr"
    case "ko":
      return "ko"
    case "zh":
      // Traditional script, or a region that writes it, unless the script says otherwise.
      return rest.includes("hans")
        ? "zh-CN"
        : rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part))
        ? "zh-TW"
        : "zh-CN"
    default:
      return undefined
  }
}

/**
 * `LC_ALL`, then `LC_MESSAGES`, then `LANG` (POSIX precedence; an unset or C/POSIX value passes to the next), then
 * the runtime's locale, asked only when needed: creating the first Intl object costs ~20 ms of start-up. A locale
 * we do not speak is English; it does not fall through to the next variable (that one is a weaker choice).
 */
export const detectLang = (env: {
  readonly LC_ALL?: string | undefined
  readonly LC_MESSAGES?: string | undefined
  readonly LANG?: string | undefined
}, intlLocale: () => string): Lang => {
  const chosen = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && saysSomething(value))
  return parseLang(chosen ?? intlLocale()) ?? "en"
}

const saysSomething = (value: string) => !/^(|c|posix)$/i.test(value.trim().replace(/[.@].*$/, ""))

const runtimeLocale = () => Intl.DateTimeFormat().resolvedOptions().locale

/** The language the environment asks for: `LC_ALL`, `LC_MESSAGES`, `LANG`, then the runtime's locale. */
export const langFromEnvironment: Effect.Effect<Lang> = Config.all({
  LC_ALL: Config.option(Config.string("LC_ALL")),
  LC_MESSAGES: Config.option(Config.string("LC_MESSAGES")),
  LANG: Config.option(Config.string("LANG"))
}).pipe(
  Effect.map((env) =>
    detectLang({
      LC_ALL: Option.getOrUndefined(env.LC_ALL),
      LC_MESSAGES: Option.getOrUndefined(env.LC_MESSAGES),
      LANG: Option.getOrUndefined(env.LANG)
    }, runtimeLocale)
  ),
  Effect.orElseSucceed(() => detectLang({}, runtimeLocale))
)
