import { Effect, type Scope } from "effect"
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A fake of every provider's quota API on 127.0.0.1 (port 0). Each route answers with a scenario; every request
 * is recorded so tests can assert what was sent. Plain `node:http`, so the demo and benchmarks can use it too.
 */
export interface Scenario {
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  /** A string or bytes (`Uint8Array`, `Buffer`) are sent as they are (for malformed bodies); anything else as JSON. */
  readonly body?: unknown
  readonly delayMs?: number
  /** Never answer. */
  readonly hang?: boolean
  /**
   * Send the status and headers at once, then the body `chunkBytes` (default 1) at a time, one chunk every `everyMs`:
   * a server that is alive but slower than any timeout.
   */
  readonly drip?: { readonly everyMs: number; readonly chunkBytes?: number }
  /**
   * Send the status, headers (with the whole body's `content-length`) and only the first `resetAfterBytes` bytes of
   * the body, then destroy the socket: a connection reset mid-body.
   */
  readonly resetAfterBytes?: number
}

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly query: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/**
 * `"GET /api/x"` → what to answer: a scenario; a list, answered in turn, repeating its last; or a function of the
 * request, for endpoints whose answer depends on what was sent (a token, a project).
 */
export type Answer = Scenario | ReadonlyArray<Scenario> | ((request: RecordedRequest) => Scenario)
export type Routes = Readonly<Record<string, Answer>>

export interface FakeServer {
  readonly url: string
  readonly requests: ReadonlyArray<RecordedRequest>
  /** The most requests that were being answered at the same moment. */
  readonly maxInFlight: () => number
  readonly route: (key: string, answer: Answer) => void
  readonly close: () => Promise<void>
}

export const startFakeServer = async (routes: Routes = {}): Promise<FakeServer> => {
  const table = new Map(Object.entries(routes))
  const hits = new Map<string, number>()
  const requests: Array<RecordedRequest> = []
  let inFlight = 0
  let maxInFlight = 0
  const server = createServer((req, res) => {
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    res.on("close", () => void (inFlight -= 1))
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1")
      const key = `${req.method} ${url.pathname}`
      const request: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.search,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8")
      }
      requests.push(request)
      const entry = table.get(key)
      const count = hits.get(key) ?? 0
      hits.set(key, count + 1)
      const scenario: Scenario = entry === undefined
        ? { status: 404, body: { error: `fake server has no route for ${key}` } }
        : scenarioOf(entry, request, count)
      if (scenario.hang === true) return
      setTimeout(() => respond(res, scenario), scenario.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    route: (key, answer) => void table.set(key, answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** What `answer` says to the `count`-th (0-based) request on its route. */
export const scenarioOf = (answer: Answer, request: RecordedRequest, count = 0): Scenario =>
  typeof answer === "function"
    ? answer(request)
    : Array.isArray(answer)
    ? answer[Math.min(count, answer.length - 1)]
    : answer as Scenario

/** The bytes a scenario's body stands for. */
export const bodyBytes = (body: unknown): Buffer =>
  body === undefined
    ? Buffer.alloc(0)
    : typeof body === "string"
    ? Buffer.from(body, "utf8")
    : body instanceof Uint8Array
    ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    : Buffer.from(JSON.stringify(body), "utf8")

const respond = (res: ServerResponse, scenario: Scenario) => {
  if (res.destroyed) return
  const body = bodyBytes(scenario.body)
  const headers = { "content-type": "application/json", ...scenario.headers }
  if (scenario.resetAfterBytes !== undefined) {
    res.writeHead(scenario.status ?? 200, { ...headers, "content-length": String(body.length) })
    // Destroyed only once the part is on the wire, so the client sees headers and a partial body, then the reset.
    res.write(body.subarray(0, Math.min(scenario.resetAfterBytes, Math.max(0, body.length - 1))), () => {
      setTimeout(() => res.socket?.destroy(), 20)
    })
    return
  }
  if (scenario.drip !== undefined) {
    const { chunkBytes = 1, everyMs } = scenario.drip
    res.writeHead(scenario.status ?? 200, { ...headers, "content-length": String(body.length) })
    res.flushHeaders()
    let sent = 0
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer)
      const next = body.subarray(sent, sent + chunkBytes)
      sent += next.length
      if (sent >= body.length) {
        clearInterval(timer)
        res.end(next)
      } else {
        res.write(next)
      }
    }, everyMs)
    res.on("close", () => clearInterval(timer))
    return
  }
  res.writeHead(scenario.status ?? 200, headers)
  res.end(body)
}

/** The server as a scoped resource for `it.scoped` / `layer(...)`. */
export const fakeServer = (routes: Routes = {}): Effect.Effect<FakeServer, never, Scope.Scope> =>
  Effect.acquireRelease(Effect.promise(() => startFakeServer(routes)), (server) => Effect.promise(() => server.close()))

/** The same routes, each answer held back by `delayMs` (the latency of a distant API). */
export const delayed = (routes: Routes, delayMs: number): Routes =>
  Object.fromEntries(
    Object.entries(routes).map(([key, answer]): [string, Answer] => [
      key,
      typeof answer === "function"
        ? (request: RecordedRequest) => ({ ...answer(request), delayMs })
        : Array.isArray(answer)
        ? answer.map((scenario: Scenario) => ({ ...scenario, delayMs }))
        : { ...(answer as Scenario), delayMs }
    ])
  )
