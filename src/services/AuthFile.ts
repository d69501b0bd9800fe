import { FileSystem, Path } from "@effect/platform"
import { Context, Effect, Layer, Option, Schema } from "effect"
import { AuthFileContent } from "../schema/auth.js"
import { AuthFileUnreadable, CredentialsInvalid } from "../schema/errors.js"
import { formatIssues } from "../schema/issues.js"
import { readJsonFile } from "./JsonFile.js"
import { absoluteDirFromEnv, homeDir } from "./Paths.js"

/**
 * OpenCode's `auth.json`, read once per run and never written. A missing file means "no OpenCode accounts";
 * an unreadable one is reported once by the program (`problem`), and providers then see no entry.
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
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const home = yield* homeDir
      const xdgData = yield* absoluteDirFromEnv("XDG_DATA_HOME")
      // OpenCode uses xdg-basedir on every OS, Windows included (provider-api-facts §3).
      const file = path.join(
        Option.getOrElse(xdgData, () => path.join(home, ".local", "share")),
        "opencode",
        "auth.json"
      )
      const unreadable = (cause: string) => new AuthFileUnreadable({ provider: "opencode", path: file, cause })

      const load = yield* Effect.cached(
        readJsonFile(file).pipe(
          Effect.mapError((error) => unreadable(error.cause)),
          Effect.flatMap(Option.match({
            onNone: () => Effect.succeedNone,
            onSome: (json) =>
              Schema.decodeUnknown(AuthFileContent)(json).pipe(
                Effect.mapError(() => unreadable("the top level is not a JSON object")),
                Effect.map(Option.some)
              )
          })),
          Effect.provideService(FileSystem.FileSystem, fs)
        )
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
                  new CredentialsInvalid({ provider, source: `${file} ("${key}")`, problem: formatIssues(error) })
                )
              )
            })
          )
      })
    })
  )
}
