import { FetchHttpClient, type HttpClient } from "@effect/platform"
import * as NodeCommandExecutor from "@effect/platform-node/NodeCommandExecutor"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { ConfigProvider, Effect, Layer, type Scope } from "effect"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { layer, run, type RunOptions } from "../../src/run.js"

/** OpenCode's `auth.json`, relative to HOME (provider-api-facts §3). */
export const AUTH_JSON = ".local/share/opencode/auth.json"

/** A throw-away HOME. Files are written once, and `snapshot` proves nothing was rewritten afterwards. */
export interface Home {
  readonly dir: string
  readonly write: (relative: string, content: string | object) => string
  readonly authJson: (entries: object) => string
  readonly snapshot: () => ReadonlyMap<string, { readonly content: string; readonly mtimeMs: number }>
  /** mystatus's own files written in this home (cache, history), absolute paths. */
  readonly ownFiles: () => ReadonlyArray<string>
}

/** Where mystatus keeps its own files under a HOME without XDG variables: `~/.cache/mystatus`, `~/.local/state/mystatus`. */
const OWN_DIRS = [join(".cache", "mystatus"), join(".local", "state", "mystatus")]

export const makeHome = (): Home & { readonly remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), "mystatus-home-"))
  const write = (relative: string, content: string | object) => {
    const file = join(dir, relative)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2))
    return file
  }
  const isOwn = (file: string) => OWN_DIRS.some((own) => file.startsWith(join(dir, own) + "/"))
  const files = (folder: string): Array<string> =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)]
    )
  return {
    dir,
    write,
    authJson: (entries) => write(AUTH_JSON, entries),
    // Every file but mystatus's own (its cache and history, which are ours to write): the credentials must be
    // byte for byte as they were. `ownFiles` lists the others, for tests that check them.
    snapshot: () =>
      new Map(
        files(dir).filter((file) => !isOwn(file)).map((file) => [file, { content: readFileSync(file, "utf8"), mtimeMs: statSync(file).mtimeMs }])
      ),
    ownFiles: () => files(dir).filter(isOwn),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

export const home: Effect.Effect<Home, never, Scope.Scope> = Effect.acquireRelease(
  Effect.sync(makeHome),
  (h) => Effect.sync(h.remove)
)

/**
 * The program as the CLI runs it, with the environment given here instead of the process's. `http` swaps the
 * HTTP client layer (still real HTTP), e.g. for one whose DNS sends test host names to 127.0.0.1.
 */
export const runWith = (
  env: Readonly<Record<string, string>>,
  options: Partial<RunOptions> = {},
  http: Layer.Layer<HttpClient.HttpClient> = FetchHttpClient.layer
) =>
  run({ only: [], timeoutSeconds: 5, ...options }).pipe(
    Effect.provide(layer.pipe(Layer.provideMerge(Layer.mergeAll(
      NodeFileSystem.layer,
      NodePath.layer,
      NodeCommandExecutor.layer.pipe(Layer.provide(NodeFileSystem.layer)),
      http
    )))),
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
  )
