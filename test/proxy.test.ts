import { HttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { createServer, request as httpRequest } from "node:http"
import type { AddressInfo } from "node:net"
import { afterEach } from "vitest"
import { proxyPlatform } from "../src/cli/platform.js"
import { JsonReport } from "../src/schema/json.js"
import { PATHS, SECRETS } from "./providers/glm/fixtures.js"
import { runCli } from "./support/cli.js"
import { type FakeServer, startFakeServer } from "./support/FakeServer.js"
import { happyRoutes } from "./support/fixtures.js"
import { makeHome } from "./support/Home.js"

/**
 * A forward proxy on 127.0.0.1: takes absolute-form requests (`GET http://quota.invalid:PORT/path`), records the
 * target, and sends every one to the fake provider server, whatever host it names (nothing leaves the loopback).
 */
const startProxy = async (upstreamPort: number) => {
  const seen: Array<string> = []
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const target = new URL(req.url ?? "/")
    const upstream = httpRequest(
      { host: "127.0.0.1", port: upstreamPort, method: req.method, path: target.pathname + target.search, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on("error", () => res.destroy())
    req.pipe(upstream)
  })
  // https:// targets arrive as CONNECT tunnels: recorded and refused (the fake server speaks no TLS).
  server.on("connect", (req, socket) => {
    seen.push(`CONNECT ${req.url}`)
    socket.on("error", () => {})
    socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n")
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())))
  }
}

const cleanup: Array<() => unknown> = []
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo()
})

const setup = async () => {
  const server: FakeServer = await startFakeServer(happyRoutes(Date.now()))
  const proxy = await startProxy(Number(new URL(server.url).port))
  const home = makeHome()
  home.authJson({ "zai-coding-plan": { type: "api", key: SECRETS.zaiKey }, "zhipuai-coding-plan": { type: "api", key: SECRETS.zhipuKey } })
  cleanup.push(() => server.close(), () => proxy.close(), home.remove)
  // A host name that never resolves: only the proxy can reach it.
  const unresolvable = `http://quota.invalid:${new URL(server.url).port}`
  return { server, proxy, home, unresolvable }
}

const statuses = (stdout: string) =>
  Schema.decodeUnknownSync(JsonReport)(JSON.parse(stdout)).providers.map((p) => [p.id, p.status, p.error?.message ?? null])

describe.each(["source", "bin"] as const)("the CLI (%s) honours the proxy variables", (from) => {
  it("HTTP_PROXY: a host only the proxy can reach is reported, and the request went through the proxy", async () => {
    const { proxy, server, home, unresolvable } = await setup()
    const { code, stdout, stderr } = await runCli(["--json", "--provider", "zai"], {
      HOME: home.dir,
      MYSTATUS_ZAI_BASE_URL: `${unresolvable}/zai`,
      HTTP_PROXY: proxy.url
    }, from)
    expect(stderr).toBe("")
    expect(statuses(stdout)).toEqual([["zai", "ok", null]])
    expect(code).toBe(0)
    expect(proxy.seen).toEqual([`GET ${unresolvable}${PATHS.zai}`])
    expect(server.requests.map((r) => [r.path, r.headers.host])).toEqual([[PATHS.zai, new URL(unresolvable).host]])
  })

  it("http_proxy (lower case) is used, and NO_PROXY hosts bypass it", async () => {
    const { proxy, server, home, unresolvable } = await setup()
    const { code, stdout } = await runCli(["--json", "--provider", "zai", "--provider", "zhipu"], {
      HOME: home.dir,
      MYSTATUS_ZAI_BASE_URL: `${unresolvable}/zai`,
      MYSTATUS_ZHIPU_BASE_URL: `${server.url}/zhipu`,
      http_proxy: proxy.url,
      NO_PROXY: "localhost,127.0.0.1"
    }, from)
    expect(statuses(stdout)).toEqual([["zhipu", "ok", null], ["zai", "ok", null]])
    expect(code).toBe(0)
    // Zhipu went straight to 127.0.0.1; only Z.ai's request passed the proxy.
    expect(proxy.seen).toEqual([`GET ${unresolvable}${PATHS.zai}`])
    expect(server.requests.map((r) => r.path).sort()).toEqual([PATHS.zai, PATHS.zhipu].sort())
  })

  it("NO_PROXY covering the host: the proxy is not asked, so the unresolvable host fails", async () => {
    const { proxy, home, unresolvable } = await setup()
    const { code, stdout } = await runCli(["--json", "--provider", "zai"], {
      HOME: home.dir,
      MYSTATUS_ZAI_BASE_URL: `${unresolvable}/zai`,
      HTTP_PROXY: proxy.url,
      NO_PROXY: ".invalid"
    }, from)
    expect(statuses(stdout)).toEqual([["zai", "error", expect.stringContaining("ENOTFOUND")]])
    expect(code).toBe(1)
    expect(proxy.seen).toEqual([])
  })
})

describe("proxyPlatform", () => {
  const get = (url: string, env: Record<string, string>) =>
    HttpClient.get(url).pipe(Effect.flatMap((response) => response.text), Effect.provide(proxyPlatform(env)))

  it.live("a scheme-less lower-case proxy is used; an empty upper-case one does not hide it", () =>
    Effect.gen(function*() {
      const { proxy, unresolvable } = yield* Effect.promise(setup)
      const body = yield* get(`${unresolvable}${PATHS.zai}`, { HTTP_PROXY: "", http_proxy: proxy.url.replace("http://", "") })
      expect(JSON.parse(body)).toMatchObject({ success: true })
      expect(proxy.seen).toEqual([`GET ${unresolvable}${PATHS.zai}`])
    }))

  it.live("HTTPS_PROXY alone is not used for http:// targets, and blank variables count as unset", () =>
    Effect.gen(function*() {
      const { proxy, unresolvable } = yield* Effect.promise(setup)
      for (const env of [{ HTTPS_PROXY: proxy.url }, { HTTP_PROXY: " " }]) {
        const error = yield* get(`${unresolvable}${PATHS.zai}`, env).pipe(Effect.flip)
        expect(error._tag).toBe("RequestError")
      }
      expect(proxy.seen).toEqual([])
    }))

  it.live("https:// targets are tunnelled through HTTPS_PROXY, else HTTP_PROXY", () =>
    Effect.gen(function*() {
      const { proxy } = yield* Effect.promise(setup)
      for (const env of [{ HTTPS_PROXY: proxy.url, HTTP_PROXY: "http://127.0.0.1:9" }, { HTTP_PROXY: proxy.url }]) {
        const error = yield* get("https://quota.invalid/x", env).pipe(Effect.flip)
        expect(error._tag).toBe("RequestError")
      }
      expect(proxy.seen).toEqual(["CONNECT quota.invalid:443", "CONNECT quota.invalid:443"])
    }))

  it.live("an unusable proxy URL fails the request, without echoing it", () =>
    Effect.gen(function*() {
      const { unresolvable } = yield* Effect.promise(setup)
      const error = yield* get(`${unresolvable}${PATHS.zai}`, { HTTP_PROXY: "http://user:pw@bad host" }).pipe(Effect.flip)
      expect(error._tag).toBe("RequestError")
      expect(String(error.cause)).toContain("not a valid URL")
      expect(String(error.cause)).not.toContain("pw")
    }))
})

describe("the bundled CLI", () => {
  it("loads undici only when a proxy variable is set", async () => {
    const { home } = await setup()
    const probe = home.write("probe.cjs", `process.on("exit", () => {
      const loaded = Object.keys(require.cache).some((file) => file.includes("/undici/"))
      require("node:fs").writeSync(2, "undici:" + loaded + "\\n")
    })`)
    const quiet = await runCli(["--json"], { HOME: home.dir, NODE_OPTIONS: `--require ${probe}` }, "bin")
    expect(quiet.stderr).toContain("undici:false")
    const proxied = await runCli(["--json"], { HOME: home.dir, NODE_OPTIONS: `--require ${probe}`, HTTPS_PROXY: "http://127.0.0.1:9" }, "bin")
    expect(proxied.stderr).toContain("undici:true")
  })
})
