import { FetchHttpClient } from "@effect/platform"
import * as NodeCommandExecutor from "@effect/platform-node/NodeCommandExecutor"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Fiber, Layer, Ref, TestClock } from "effect"
import { layer } from "../../src/run.js"
import { type Frame, watch } from "../../src/watch.js"
import { kimiUsages, PATH as KIMI_PATH } from "../providers/kimi/fixtures.js"
import { BIN, spawnCli } from "../support/cli.js"
import { startFakeServer } from "../support/FakeServer.js"
import { baseUrlEnv, happyRoutes } from "../support/fixtures.js"
import { AUTH_JSON, makeHome } from "../support/Home.js"

/**
 * `--watch`'s loop under TestClock: no real minutes pass. The providers are real HTTP on the loopback fake server;
 * only the waiting between rounds is the test clock's.
 */

import { KIMI_ENTRY } from "../providers/kimi/fixtures.js"
import { ZAI_ENTRY } from "../providers/glm/fixtures.js"

/** Real time, for the real requests of a round to finish (TestClock does not move it). */
const settle = (frames: Ref.Ref<ReadonlyArray<Frame>>, count: number) =>
  Effect.gen(function*() {
    for (let i = 0; i < 500; i++) {
      if ((yield* Ref.get(frames)).length >= count) return
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 10)))
    }
    throw new Error(`no frame ${count}`)
  })

/** The watch loop as the CLI runs it, in a throw-away home against the fake server, forked. */
const inHome = (dir: string, url: string) => <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  effect.pipe(
    Effect.provide(layer.pipe(Layer.provideMerge(Layer.mergeAll(
      NodeFileSystem.layer,
      NodePath.layer,
      NodeCommandExecutor.layer.pipe(Layer.provide(NodeFileSystem.layer)),
      FetchHttpClient.layer
    )))),
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries({ HOME: dir, ...baseUrlEnv(url) })))),
    Effect.fork
  )

describe("--watch", () => {
  it.scoped("asks every interval; a 429 with Retry-After is not asked again before then, its last good answer shown stale", () =>
    Effect.gen(function*() {
      const now = Date.now()
      let kimiAnswers = 0
      const server = yield* Effect.acquireRelease(
        Effect.promise(() =>
          startFakeServer({
            ...happyRoutes(now),
            // Kimi: a good answer, then 429 with Retry-After: 150, then good again.
            [`GET ${KIMI_PATH}`]: () => {
              kimiAnswers += 1
              return kimiAnswers === 2
                ? { status: 429, headers: { "retry-after": "150" }, body: { error: { message: "slow down" } } }
                : { body: kimiUsages(now) }
            }
          })
        ),
        (s) => Effect.promise(() => s.close())
      )
      const home = makeHome()
      yield* Effect.addFinalizer(() => Effect.sync(home.remove))
      home.write(AUTH_JSON, { "kimi-for-coding": KIMI_ENTRY, "zai-coding-plan": ZAI_ENTRY })

      const frames = yield* Ref.make<ReadonlyArray<Frame>>([])
      const fiber = yield* watch({ only: [], timeoutSeconds: 5, intervalSeconds: 60 }, (frame) =>
        Ref.update(frames, (all) => [...all, frame])).pipe(inHome(home.dir, server.url))
      const kimiRequests = () => server.requests.filter((r) => r.path === KIMI_PATH).length
      const zaiRequests = () => server.requests.filter((r) => r.path.startsWith("/zai/")).length

      // t = 0: both answer.
      yield* settle(frames, 1)
      let frame = (yield* Ref.get(frames))[0]!
      expect(frame.result.outcomes.map((o) => [o.id, o._tag])).toEqual([["zai", "Reported"], ["kimi", "Reported"]])
      expect(frame.stale.size).toBe(0)
      expect(frame.nextAt - frame.result.generatedAt.getTime()).toBe(60_000)
      // Nothing more before the interval.
      yield* TestClock.adjust("59 seconds")
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 100)))
      expect((yield* Ref.get(frames)).length).toBe(1)

      // t = 60 s: Kimi says 429, retry after 150 s: its last good answer is shown, stale since t = 0.
      yield* TestClock.adjust("1 second")
      yield* settle(frames, 2)
      frame = (yield* Ref.get(frames))[1]!
      expect(frame.result.outcomes.map((o) => [o.id, o._tag])).toEqual([["zai", "Reported"], ["kimi", "Reported"]])
      expect([...frame.stale.keys()]).toEqual(["kimi"])
      expect(kimiRequests()).toBe(2)

      // t = 120 s: Kimi is not asked (its wait lasts to t = 210 s); Z.ai is.
      yield* TestClock.adjust("60 seconds")
      yield* settle(frames, 3)
      expect(kimiRequests()).toBe(2)
      expect(zaiRequests()).toBe(3)
      expect([...(yield* Ref.get(frames))[2]!.stale.keys()]).toEqual(["kimi"])

      // t = 180 s: still waiting. t = 240 s: asked again, fresh.
      yield* TestClock.adjust("60 seconds")
      yield* settle(frames, 4)
      expect(kimiRequests()).toBe(2)
      yield* TestClock.adjust("60 seconds")
      yield* settle(frames, 5)
      expect(kimiRequests()).toBe(3)
      frame = (yield* Ref.get(frames))[4]!
      expect(frame.stale.size).toBe(0)
      expect(frame.result.outcomes.every((o) => o._tag === "Reported")).toBe(true)
      yield* Fiber.interrupt(fiber)
    }))

  it.scoped("a platform refused from its first round shows the refusal while it waits, rather than vanishing", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const server = yield* Effect.acquireRelease(
        Effect.promise(() =>
          startFakeServer({
            ...happyRoutes(now),
            [`GET ${KIMI_PATH}`]: { status: 429, headers: { "retry-after": "150" }, body: { error: { message: "slow down" } } }
          })
        ),
        (s) => Effect.promise(() => s.close())
      )
      const home = makeHome()
      yield* Effect.addFinalizer(() => Effect.sync(home.remove))
      home.write(AUTH_JSON, { "kimi-for-coding": KIMI_ENTRY })
      const frames = yield* Ref.make<ReadonlyArray<Frame>>([])
      const fiber = yield* watch({ only: [], timeoutSeconds: 5, intervalSeconds: 60 }, (frame) =>
        Ref.update(frames, (all) => [...all, frame])).pipe(inHome(home.dir, server.url))
      yield* settle(frames, 1)
      yield* TestClock.adjust("60 seconds")
      yield* settle(frames, 2)
      const second = (yield* Ref.get(frames))[1]!
      expect(server.requests.filter((r) => r.path === KIMI_PATH)).toHaveLength(1)
      expect(second.result.outcomes.map((o) => [o.id, o._tag])).toEqual([["kimi", "Failed"]])
      expect(second.stale.size).toBe(0)
      yield* Fiber.interrupt(fiber)
    }))

  const untilOutput = async (read: () => string, pattern: RegExp) => {
    for (let i = 0; i < 200 && !pattern.test(read()); i++) await new Promise((resolve) => setTimeout(resolve, 25))
  }

  it("from the built CLI, not on a terminal: each report followed by a blank line; Ctrl-C exits 130", async () => {
    const server = await startFakeServer(happyRoutes(Date.now()))
    const home = makeHome()
    home.write(AUTH_JSON, { "zai-coding-plan": ZAI_ENTRY })
    try {
      const run = spawnCli(["--watch", "--no-history"], { HOME: home.dir, ...baseUrlEnv(server.url) }, "bin")
      let out = ""
      run.child.stdout!.on("data", (chunk: Buffer) => void (out += chunk.toString("utf8")))
      await untilOutput(() => out, /\n\n$/)
      run.child.kill("SIGINT")
      const done = await run.done
      expect(done.code).toBe(130)
      expect(done.stdout).toMatch(/^Z\.ai · 5b1e\*\*\*\*Z7QX[^]*\n\n$/)
      // No footer and no escape codes when stdout is not a terminal.
      expect(done.stdout).not.toContain("Next refresh")
      expect(done.stdout).not.toContain("\u001b[")
    } finally {
      await server.close()
      home.remove()
    }
  })

  it("on a terminal (a pty through script(1)): drawn in place, with when it asks again and when the answer came", async () => {
    const { spawn, spawnSync } = await import("node:child_process")
    if (spawnSync("script", ["--version"]).status !== 0) return expect.fail("script(1) from util-linux is needed for this test")
    const server = await startFakeServer(happyRoutes(Date.now()))
    const home = makeHome()
    home.write(AUTH_JSON, { "zai-coding-plan": ZAI_ENTRY })
    try {
      const child = spawn("script", ["-qfec", `${process.execPath} ${BIN} --watch 45 --no-history`, "/dev/null"], {
        env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", TERM: "xterm", HOME: home.dir, ...baseUrlEnv(server.url) },
        stdio: ["pipe", "pipe", "pipe"]
      })
      let out = ""
      child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString("utf8")))
      await untilOutput(() => out, /Ctrl-C to stop/)
      child.kill("SIGINT")
      await new Promise((resolve) => child.on("close", resolve))
      expect(out).toContain("\u001b[H\u001b[2J")
      expect(out).toMatch(/Next refresh at \d\d:\d\d:\d\d · last answer at \d\d:\d\d:\d\d · Ctrl-C to stop/)
      const [next, last] = [...out.matchAll(/(\d\d):(\d\d):(\d\d)/g)].map((m) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]))
      expect(((next! - last!) + 86400) % 86400).toBe(45)
    } finally {
      await server.close()
      home.remove()
    }
  })
})
