/**
 * mystatus as a library: the providers (each a service with its own layer), the credential store, the program
 * and the report model. Provide `HttpClient`, `FileSystem`, `Path` and `CommandExecutor` from your platform
 * (`platform`, or `NodeContext.layer` with an HttpClient).
 */
export * from "./schema/errors.js"
export * from "./schema/json.js"
export * from "./schema/report.js"
export { AuthFile } from "./services/AuthFile.js"
export { CredentialFiles } from "./services/JsonFile.js"
export { platform } from "./services/Platform.js"
export type { Account, CredentialSource, ProviderService, QuotaProvider } from "./services/QuotaProvider.js"
export { detectLang, type Lang, LANGS, LOCALES, parseLang } from "./i18n/index.js"
export type { Locale, ProviderWords } from "./i18n/Locale.js"
export { describeError } from "./render/describe.js"
export { toJson } from "./render/json.js"
export { renderText } from "./render/text.js"
export { OpenAi } from "./providers/openai/index.js"
export { Claude } from "./providers/claude/index.js"
export { Zai, Zhipu } from "./providers/glm/index.js"
export { Copilot, enterpriseApiUrl } from "./providers/copilot/index.js"
export { Google } from "./providers/google/index.js"
export { Providers, REGISTRY } from "./providers/registry.js"
export { DEFAULT_TIMEOUT_SECONDS, exitCode, layer, run, type RunOptions } from "./run.js"
