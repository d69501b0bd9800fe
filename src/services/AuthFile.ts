import { Path } from "@effect/platform"
import { Context, Effect, Layer, Option, Schema } from "effect"
import { AuthFileContent } from "../schema/auth.js"
import { AuthFileUnreadable, CredentialsInvalid } from "../schema/errors.js"
import { issuesOf } from "../schema/issues.js"
import { CredentialFiles, fileError, JsonFileUnreadable } from "./JsonFile.js"
import { absoluteDirFromEnv, homeDir } from "./Paths.js"

/**
 * OpenCode's `auth.json`, read at most once per run (see `CredentialFiles`) and never written. A missing file means
 * "no OpenCode accounts"; an unreadable one is reported once by the program, and providers then see no entry.
 */
export class AuthFile extends Context.Tag("mystatus/AuthFile")<
  AuthFile,
  {
    readonly path: string
    /** `None` when the file does not exist. */
    readonly load: Effect.Effect<Option.Option<Readonly<Record<string, unknown>>>, AuthFileUnreadable>
    /** The first present key among `keys`, decoded with the provider's schema. */
    readonly entry: <A, I>(
      provider: string,
      keys: ReadonlyArray<string>,
      schema: Schema.Schema<A, I>
    ) => Effect.Effect<Option.Option<{ readonly key: string; readonly value: A }>, CredentialsInvalid>
  }
>() {
  static readonly layer = Layer.effect(
    AuthFile,
    Effect.gen(function*() {
      const files = yield* CredentialFiles
      const path = yield* Path.Path
      const home = yield* homeDir
      const xdgData = yield* absoluteDirFromEnv("XDG_DATA_HOME")
      // OpenCode uses xdg-basedir on every OS, Windows included (provider-api-facts §3).
      const file = path.join(
        Option.getOrElse(xdgData, () => path.join(home, ".local", "share")),
        "opencode",
        "auth.json"
      )
      const load = files.read(file).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.succeedNone,
          onSome: (json) =>
            Schema.decodeUnknown(AuthFileContent)(json).pipe(
              Effect.mapError(() => new JsonFileUnreadable({ problem: "notObject" })),
              Effect.map(Option.some)
            )
        })),
        Effect.mapError((error) => fileError("opencode", file, error))
      )

      return AuthFile.of({
        path: file,
        load,
        entry: (provider, keys, schema) =>
          load.pipe(
            Effect.map(Option.getOrElse((): Readonly<Record<string, unknown>> => ({}))),
            Effect.orElseSucceed((): Readonly<Record<string, unknown>> => ({})),
            Effect.flatMap((content) => {
              const key = keys.find((candidate) => content[candidate] !== undefined)
              if (key === undefined) return Effect.succeedNone
              return Schema.decodeUnknown(schema)(content[key]).pipe(
                Effect.map((value) => Option.some({ key, value })),
                Effect.mapError((error) =>
                  new CredentialsInvalid({ provider, source: file, entry: key, issues: issuesOf(error) })
                )
              )
            })
          )
      })
    })
  )
}
