import { FetchHttpClient } from "@effect/platform"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Effect, Layer, Option } from "effect"
import { platform, system } from "../services/Platform.js"

export type Environment = Readonly<Record<string, string | undefined>>

/** Lower-case first, as curl, undici and most tools read them; empty counts as unset. */
const variable = (env: Environment, name: string): string | undefined =>
  [env[name.toLowerCase()], env[name]].map((value) => value?.trim()).find((value) => value !== undefined && value !== "")

/** curl accepts `host:3128` and means `http://host:3128`; undici wants the scheme. */
const withScheme = (url: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`)

/**
 * undici's own `fetch` over an `EnvHttpProxyAgent` (its own fetch: undici 7's dispatchers do not fit the undici 6
 * inside Node 20's global fetch). Without HTTPS_PROXY, https:// targets use HTTP_PROXY; without HTTP_PROXY, http://
 * ones go direct; NO_PROXY hosts (and their subdomains, `host:port` too) always go direct.
 */
const proxiedFetch = (proxy: { readonly http?: string; readonly https?: string; readonly no?: string }) =>
  Effect.gen(function*() {
    const undici = yield* Effect.tryPromise(() => import("undici")).pipe(Effect.option)
    const agent = yield* Effect.acquireRelease(
      Effect.flatMap(undici, (undici) =>
        Effect.try(() =>
          new undici.EnvHttpProxyAgent({
            // Given explicitly (never undefined), so undici does not read process.env on its own.
            httpProxy: proxy.http === undefined ? "" : withScheme(proxy.http),
            httpsProxy: proxy.https === undefined ? "" : withScheme(proxy.https),
            noProxy: proxy.no ?? "",
            // http:// targets in absolute form, as curl sends them (proxies often refuse CONNECT to ports but 443);
            // https:// targets are tunnelled with CONNECT either way.
            proxyTunnel: false
          })
        )).pipe(Effect.option),
      // destroy, not close: a request abandoned at its timeout must not hold the process open.
      (agent) => Effect.promise(async () => Option.isSome(agent) && (await agent.value.destroy()))
    )
    // A proxy that cannot be used (a bad URL, or undici missing next to a copied bundle) fails every request, one
    // NetworkError per provider, rather than the whole run. The value is not echoed: it may hold a password.
    if (Option.isNone(undici) || Option.isNone(agent)) {
      const problem = Option.isNone(undici) ? "proxy support needs the undici package" : "the proxy variable is not a valid URL"
      return (() => Promise.reject(new Error(problem))) as typeof globalThis.fetch
    }
    const [{ fetch }, dispatcher] = [undici.value, agent.value]
    return ((input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input as never, { ...init, dispatcher } as never)) as unknown as typeof globalThis.fetch
  })

/**
 * The CLI's platform. Without a proxy, requests go over node:http (@effect/platform-node's client): Node 20's global
 * fetch is undici, whose first use loads and compiles ~30 ms of JavaScript and WebAssembly on every start, against
 * ~8 ms for node:http (scripts/bench.ts, "CLI whole process"). With HTTP(S)_PROXY set, which neither honours,
 * undici's own fetch over its EnvHttpProxyAgent carries them (loading it costs ~80 ms, paid only then); FetchHttpClient's
 * client keeps the context its layer was built in, so the `Fetch` given here is used by every request.
 */
export const proxyPlatform = (env: Environment) => {
  const http = variable(env, "HTTP_PROXY")
  const https = variable(env, "HTTPS_PROXY")
  if (http === undefined && https === undefined) return Layer.merge(system, NodeHttpClient.layer)
  const no = variable(env, "NO_PROXY")
  return platform.pipe(Layer.provide(Layer.scoped(FetchHttpClient.Fetch, proxiedFetch({
    ...(http === undefined ? {} : { http }),
    ...(https === undefined ? {} : { https }),
    ...(no === undefined ? {} : { no })
  }))))
}

/**
 * The CLI's platform. process.env rather than Effect `Config`: these variables belong to the process's network
 * stack (undici and Bun read them there), the CLI's ConfigProvider is that same environment, and the Config read
 * would be the run's first, measured at 2-3 ms of cold start. Tests give `proxyPlatform` an environment instead.
 * The plugin keeps the plain platform: Bun's fetch honours the proxy variables itself.
 */
export const cliPlatform = Layer.suspend(() => proxyPlatform(process.env))
