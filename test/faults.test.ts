/**
 * The fault matrix: every provider configured at once against the loopback fake server; for each provider endpoint
 * in turn (the `endpoints` of each test/providers/<folder>/fixtures.ts), one fault at a time. Each cell asserts that
 * the faulted provider fails alone, with a message and a fix; that every other provider still reports; that the run
 * ends within the timeout + 1 s; that no fixture secret and no token the server sent is in the text, the JSON or the
 * result; and that the credential files were not touched. A few cells (those the fixtures ask for) run the built CLI
 * as a process, to prove the process itself exits in time.
 */
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import { existsSync } from "node:fs"
import type { QuotaError } from "../src/schema/errors.js"
import type { JsonReport } from "../src/schema/json.js"
import type { RunResult } from "../src/schema/report.js"
import { describeError } from "../src/render/describe.js"
import { toJson } from "../src/render/json.js"
import { renderText } from "../src/render/text.js"
import { BIN, expectExitedInTime, runBin } from "./support/cli.js"
import { echoBody, echoErrorBody, routesFor, rowName, seedFor, SERVER_TOKEN } from "./support/endpoints.js"
import { type Answer, bodyBytes, type RecordedRequest, type Routes, type Scenario, scenarioOf, startFakeServer } from "./support/FakeServer.js"
import { baseUrlEnv, ENDPOINTS, FIXTURE_SECRETS } from "./support/fixtures.js"
import { makeHome, runWith } from "./support/Home.js"
import type { Endpoint } from "./support/ProviderFixture.js"

const TIMEOUT_SECONDS = 2
/** The contract: a run ends within its timeout and one more second, whatever the server does. */
const BOUND_MS = TIMEOUT_SECONDS * 1000 + 1000
const MiB = 1024 * 1024

/** Every provider of the matrix: a new one is here as soon as its fixtures name its endpoints. */
const PROVIDERS = [...new Set(ENDPOINTS.map((endpoint) => endpoint.provider))]

interface Expected {
  /** The account still reports (the endpoint `degradesOn` this status): no error is expected. */
  readonly degrades?: true
  /** The error `_tag`s this fault may be reported as. */
  readonly tags: ReadonlyArray<QuotaError["_tag"]>
  /** For a DecodeError: the reasons it may give. */
  readonly reasons?: ReadonlyArray<string>
  /** For an HttpError: its status. */
  readonly status?: number
  readonly retryAfterSeconds?: number
}

interface Fault {
  readonly name: string
  /** What the endpoint answers instead; `happy` is what it would have answered. */
  readonly answer: (endpoint: Endpoint, happy: (request: RecordedRequest) => Scenario) => Answer
  readonly expected: (endpoint: Endpoint) => Expected
}

const happyText = (happy: (request: RecordedRequest) => Scenario, request: RecordedRequest) =>
  bodyBytes(happy(request).body).toString("utf8")

/** A non-2xx whose body echoes the credential and a fresh token, as a proxy or a debugging endpoint might. */
const statusFault = (status: number, headers: Readonly<Record<string, string>> = {}): Fault => ({
  name: status === 429 ? "429 with Retry-After" : `HTTP ${status}`,
  answer: () => (request) => ({ status, headers, body: echoErrorBody(request) }),
  expected: (endpoint) =>
    endpoint.degradesOn?.includes(status) === true
      ? { tags: [], degrades: true }
      : [401, 403, 404].includes(status) && endpoint.refusedAs !== undefined
      ? { tags: [endpoint.refusedAs] }
      : { tags: ["HttpError"], status, ...(headers["retry-after"] === undefined ? {} : { retryAfterSeconds: Number(headers["retry-after"]) }) }
})

const decode = (...reasons: ReadonlyArray<string>): Expected => ({ tags: ["DecodeError"], reasons })

const FAULTS: ReadonlyArray<Fault> = [
  statusFault(401),
  statusFault(403),
  statusFault(404),
  statusFault(429, { "retry-after": "120" }),
  statusFault(500),
  statusFault(503),
  {
    name: "an HTML page",
    // A captive portal or a sign-in page, with a token of its own in a form.
    answer: () => () => ({
      headers: { "content-type": "text/html; charset=utf-8" },
      body: `<!doctype html><html><head><title>Sign in</title></head><body><form method="post">` +
        `<input type="hidden" name="csrf" value="${SERVER_TOKEN}"><button>Continue</button></form></body></html>`
    }),
    expected: () => decode("notJson")
  },
  {
    name: "truncated JSON",
    answer: (_, happy) => (request) => {
      const text = happyText(happy, request)
      return { body: text.slice(0, Math.floor(text.length / 2)) }
    },
    expected: () => decode("notJson")
  },
  {
    name: "wrong-shape JSON echoing the Authorization header",
    answer: (endpoint) => (request) => ({ body: echoBody(endpoint, request) }),
    expected: () => decode("shape", "noQuota")
  },
  { name: "{}", answer: () => ({ body: {} }), expected: () => decode("noQuota", "shape") },
  { name: "an empty body", answer: () => ({ body: "" }), expected: () => decode("empty") },
  { name: "a hang", answer: () => ({ hang: true }), expected: () => ({ tags: ["Timeout"] }) },
  {
    name: "a slow drip",
    // The normal answer, one byte every 100 ms, after 100 bytes of leading whitespace (still the same JSON): the
    // whole takes several times the timeout, however short the answer.
    answer: (_, happy) => (request) => ({
      ...happy(request),
      body: `${" ".repeat(100)}${happyText(happy, request)}`,
      drip: { everyMs: 100 }
    }),
    expected: () => ({ tags: ["Timeout"] })
  },
  {
    name: "a connection reset mid-body",
    answer: (_, happy) => (request) => ({ ...happy(request), resetAfterBytes: 10 }),
    expected: () => ({ tags: ["NetworkError", "DecodeError"] })
  },
  {
    name: "a huge body",
    // The normal answer with 5 MiB of padding in front: only a size cap can refuse it.
    answer: (_, happy) => (request) => ({ body: `{"padding":"${"x".repeat(5 * MiB)}",${happyText(happy, request).slice(1)}` }),
    expected: () => decode("tooLarge")
  },
  {
    name: "very deep nesting",
    // The normal answer with a field nested 100,000 lists deep: only a depth cap can refuse it.
    answer: (_, happy) => (request) => ({
      body: `{"nested":${"[".repeat(100_000)}${"]".repeat(100_000)},${happyText(happy, request).slice(1)}`
    }),
    expected: () => decode("tooDeep")
  }
]

// ---- one cell

interface Cell {
  readonly result: RunResult
  readonly text: string
  readonly report: JsonReport
  readonly json: string
  readonly elapsedMs: number
  readonly requests: ReadonlyArray<RecordedRequest>
  readonly filesBefore: ReturnType<ReturnType<typeof makeHome>["snapshot"]>
  readonly filesAfter: ReturnType<ReturnType<typeof makeHome>["snapshot"]>
}

/** Every provider configured, `endpoint` answering `answer` (or normally), the program run in-process and rendered. */
const runCell = async (endpoint: Endpoint, fault?: Fault): Promise<Cell> => {
  const now = Date.now()
  const routes: Record<string, Answer> = { ...routesFor(endpoint, now) }
  const happyAnswer = routes[endpoint.route]!
  if (fault !== undefined) {
    routes[endpoint.route] = fault.answer(endpoint, (request) => scenarioOf(happyAnswer, request))
  }
  const server = await startFakeServer(routes as Routes)
  const home = makeHome()
  try {
    seedFor(endpoint, home, now)
    const filesBefore = home.snapshot()
    const started = performance.now()
    // Interrupted well after the bound, so that a run that never ends fails this cell instead of the whole file.
    const exit = await Effect.runPromiseExit(
      runWith({ HOME: home.dir, ...baseUrlEnv(server.url) }, { timeoutSeconds: TIMEOUT_SECONDS }),
      { signal: AbortSignal.timeout(BOUND_MS + 5000) }
    )
    if (Exit.isFailure(exit)) throw new Error(`the run did not return a result:\n${Cause.pretty(exit.cause)}`)
    const result = exit.value
    const text = renderText(result, { lang: "en", color: false })
    const report = toJson(result, "en")
    const json = JSON.stringify(report, null, 2)
    const elapsedMs = performance.now() - started
    return { result, text, report, json, elapsedMs, requests: [...server.requests], filesBefore, filesAfter: home.snapshot() }
  } finally {
    await server.close()
    home.remove()
  }
}

/**
 * Fixture secrets, the server's fresh token, and any part of one (they all say SECRET or FIXTURE): none may show.
 * Searched with indexOf, not a regular expression: an output may hold a run of megabytes without a space.
 */
const leaks = (output: string): ReadonlyArray<string> => [
  ...new Set([
    ...[...FIXTURE_SECRETS, SERVER_TOKEN].filter((secret) => output.includes(secret)),
    ...["SECRET", "FIXTURE"].flatMap((word) => around(output, word))
  ])
]

const around = (output: string, word: string): Array<string> => {
  const hits: Array<string> = []
  for (let at = output.indexOf(word); at !== -1; at = output.indexOf(word, at + 1)) {
    hits.push(output.slice(Math.max(0, at - 40), at + word.length + 40))
  }
  return hits
}

const outcomesOf = (result: RunResult) =>
  result.outcomes.map((o) =>
    o._tag === "Reported" ? `${o.id}: Reported` : `${o.id}: ${o.error._tag}${"reason" in o.error ? ` (${o.error.reason})` : ""}`
  ).join(", ")

/** Whether an entry of the report is one of the accounts that ask `endpoint`. */
const servedBy = (endpoint: Endpoint) => (entry: { readonly id: string; readonly accountKey: string | null }) =>
  entry.id === endpoint.provider && (endpoint.accounts === undefined || endpoint.accounts.includes(entry.accountKey ?? ""))

/** What holds in every cell, fault or not. */
const expectCommon = (endpoint: Endpoint, cell: Cell) => {
  const { result } = cell
  const hit = cell.requests.some((request) => `${request.method} ${request.path}` === endpoint.route)
  expect(hit, `${endpoint.route} was never asked: the row does not reach its endpoint`).toBe(true)
  for (const provider of PROVIDERS.filter((id) => id !== endpoint.provider)) {
    const own = result.outcomes.filter((o) => o.id === provider)
    expect(own.length, `${provider} is missing from the report: ${outcomesOf(result)}`).toBeGreaterThan(0)
    expect(own.every((o) => o._tag === "Reported"), `${provider} should still report: ${outcomesOf(result)}`).toBe(true)
  }
  // The provider's accounts that never ask this endpoint (another platform's) report too.
  const bystanders = result.outcomes.filter((o) => o.id === endpoint.provider && !servedBy(endpoint)(o))
  expect(bystanders.every((o) => o._tag === "Reported"), `${endpoint.provider}'s other accounts should still report: ${outcomesOf(result)}`)
    .toBe(true)
  expect(result.outcomes.filter((o) => !PROVIDERS.includes(o.id)).map((o) => o.id), "outcomes of no provider").toEqual([])
  expect(cell.elapsedMs, `took ${Math.round(cell.elapsedMs)} ms, over the ${BOUND_MS} ms bound`).toBeLessThanOrEqual(BOUND_MS)
  expect(leaks(cell.text), `secrets in the text report:\n${cell.text}`).toEqual([])
  expect(leaks(cell.json), "secrets in the JSON report").toEqual([])
  expect(leaks(JSON.stringify(result.outcomes)), "secrets in the result's outcomes").toEqual([])
  expect(cell.text, "a stack trace in the text report").not.toMatch(/^[ \t]+at |RangeError|Maximum call stack/m)
  expect(cell.json, "a stack trace in the JSON report").not.toMatch(/^[ \t]+at |RangeError|Maximum call stack/m)
  expect(cell.filesAfter, "the credential files changed").toEqual(cell.filesBefore)
}

const expectFault = (endpoint: Endpoint, fault: Fault, cell: Cell) => {
  const { result } = cell
  const expected = fault.expected(endpoint)
  const own = result.outcomes.filter(servedBy(endpoint))
  expect(own.length, `${endpoint.provider} is missing from the report: ${outcomesOf(result)}`).toBeGreaterThan(0)
  if (expected.degrades === true) {
    expect(own.map((o) => o._tag), `${endpoint.provider} should still report on ${fault.name}: ${outcomesOf(result)}`)
      .toEqual(own.map(() => "Reported"))
    return
  }
  for (const outcome of own) {
    if (outcome._tag !== "Failed") {
      expect.fail(`${endpoint.provider} (every account asking it) should fail on ${fault.name}: ${outcomesOf(result)}`)
      continue
    }
    const { error } = outcome
    const summary = `${endpoint.provider}${outcome.account === null ? "" : ` · ${outcome.account}`}: ${JSON.stringify(error)}`
    expect(expected.tags, summary).toContain(error._tag)
    if (error._tag === "DecodeError" && expected.reasons !== undefined) expect(expected.reasons, summary).toContain(error.reason)
    if (error._tag === "HttpError") {
      if (expected.status !== undefined) expect(error.status, summary).toBe(expected.status)
      if (expected.retryAfterSeconds !== undefined) expect(error.retryAfterSeconds, summary).toBe(expected.retryAfterSeconds)
    }
    if (error._tag === "Timeout") expect(error.seconds, summary).toBe(TIMEOUT_SECONDS)
    const { fix, message } = describeError("en", error, outcome.name, result.generatedAt.getTime())
    expect(message.trim(), `${summary}: no message`).not.toBe("")
    expect(fix?.trim() ?? "", `${summary}: no fix (message: ${message})`).not.toBe("")
  }
  // What the user reads: the JSON entries of the provider carry the message and the fix too.
  for (const entry of cell.report.providers.filter(servedBy(endpoint))) {
    expect(entry.status, cell.json).toBe("error")
    expect(entry.error?.message ?? "", cell.json).not.toBe("")
    expect(entry.error?.fix ?? "", cell.json).not.toBe("")
  }
  expect(cell.text).toContain("Failed to query")
}

describe.concurrent("fault matrix (in-process)", () => {
  for (const endpoint of ENDPOINTS) {
    describe(rowName(endpoint), () => {
      it("answering normally: every provider reports (the row reaches its endpoint)", async () => {
        const cell = await runCell(endpoint)
        expectCommon(endpoint, cell)
        expect(cell.result.outcomes.filter((o) => o.id === endpoint.provider).map((o) => o._tag)).not.toContain("Failed")
      }, 20_000)

      for (const fault of FAULTS) {
        it(fault.name, async () => {
          const cell = await runCell(endpoint, fault)
          expectFault(endpoint, fault, cell)
          expectCommon(endpoint, cell)
        }, 20_000)
      }
    })
  }
})

// ---- the CLI as a process

const faultNamed = (name: string) => {
  const fault = FAULTS.find((candidate) => candidate.name === name)
  if (fault === undefined) throw new Error(`no fault of the matrix is named "${name}"`)
  return fault
}

/** The endpoints whose fixtures ask for a process cell too, each under its fault. */
const PROCESS_CELLS: ReadonlyArray<{ readonly endpoint: Endpoint; readonly fault: Fault; readonly args: ReadonlyArray<string> }> = ENDPOINTS
  .flatMap((endpoint) =>
    endpoint.process === undefined
      ? []
      : [{ endpoint, fault: faultNamed(endpoint.process.fault), args: endpoint.process.json ? ["--json"] : [] }]
  )

/**
 * A process's start-up is not the program's: on a loaded machine it alone can take a second. So the bound is relative
 * to the same command against the same home answering normally, run just before: the fault may add at most the
 * timeout + 1 s. And the process must exit at once when its report is out (the defect was a report printed by a
 * process that never exited).
 */
describe.concurrent("fault matrix (the CLI as a process)", () => {
  for (const { args, endpoint, fault } of PROCESS_CELLS) {
    const command = `mystatus ${[...args, "--timeout", String(TIMEOUT_SECONDS)].join(" ")}`
    it(`${rowName(endpoint)}, ${fault.name}: ${command} exits by itself within the timeout + 1 s of a normal run`, async () => {
      expect(existsSync(BIN), `${BIN} is missing: run \`node scripts/build.mjs\` first (npm test does)`).toBe(true)
      const now = Date.now()
      const routes: Record<string, Answer> = { ...routesFor(endpoint, now) }
      const happyAnswer = routes[endpoint.route]!
      const normal = await startFakeServer(routes as Routes)
      routes[endpoint.route] = fault.answer(endpoint, (request) => scenarioOf(happyAnswer, request))
      const server = await startFakeServer(routes as Routes)
      const home = makeHome()
      const flags = [...args, "--timeout", String(TIMEOUT_SECONDS), "--no-color"]
      try {
        seedFor(endpoint, home, now)
        const before = home.snapshot()
        const baseline = await runBin(flags, { HOME: home.dir, ...baseUrlEnv(normal.url) }, BOUND_MS + 5000)
        expect(baseline.code, `the normal run failed:\n${baseline.stdout}\n${baseline.stderr}`).toBe(0)
        const run = await runBin(flags, { HOME: home.dir, ...baseUrlEnv(server.url) }, baseline.elapsedMs + BOUND_MS + 5000)
        const output = expectExitedInTime(run, baseline, BOUND_MS)
        expect(run.code, output).toBe(1)
        expect(leaks(output), output).toEqual([])
        expect(output, "a stack trace").not.toMatch(/^[ \t]+at |RangeError|Maximum call stack/m)
        if (args.includes("--json")) {
          const report = JSON.parse(run.stdout) as JsonReport
          for (const provider of report.providers) {
            expect(provider.status, run.stdout).toBe(servedBy(endpoint)(provider) ? "error" : "ok")
          }
        } else {
          expect(run.stdout).toContain("Failed to query")
        }
        expect(home.snapshot(), "the credential files changed").toEqual(before)
      } finally {
        await Promise.all([server.close(), normal.close()])
        home.remove()
      }
    }, 30_000)
  }
})
