/**
 * mystatus as a library: the providers (each a service with its own layer), the credential store, the program
 * and the report model. Provide `HttpClient`, `FileSystem` and `Path` from your platform.
 */
export * from "./schema/errors.js"
export * from "./schema/json.js"
export * from "./schema/report.js"
export { AuthFile } from "./services/AuthFile.js"
export { platform } from "./services/Platform.js"
export type { Account, CredentialSource, QuotaProvider } from "./services/QuotaProvider.js"
export { detectLang, type Lang, LANGS } from "./services/Messages.js"
export { describeError, renderText, toJson } from "./services/Render.js"
export { makeOpenAi, OpenAi } from "./providers/openai.js"
export { makeZai, makeZhipu, Zai, Zhipu } from "./providers/zhipu.js"
export { Copilot, enterpriseApiUrl, makeCopilot } from "./providers/copilot.js"
export { Google, makeGoogle } from "./providers/google.js"
export { makeProviders, Providers } from "./providers/index.js"
export { DEFAULT_TIMEOUT_SECONDS, exitCode, layer, run, type RunOptions } from "./program.js"
