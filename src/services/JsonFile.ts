import { FileSystem } from "@effect/platform"
import { Data, Effect, Option, Schema } from "effect"
import { CredentialsInvalid } from "../schema/errors.js"
import { formatIssues } from "../schema/issues.js"

/** Why a credential file could not be used; `cause` never quotes the file (it holds secrets). */
export class JsonFileUnreadable extends Data.TaggedError("JsonFileUnreadable")<{ readonly cause: string }> {}

/** A JSON file we only ever read: `None` when it does not exist. */
export const readJsonFile = (
  file: string
): Effect.Effect<Option.Option<unknown>, JsonFileUnreadable, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    // One read, no separate existence check: a missing file is the common case, not an error.
    const text = yield* fs.readFileString(file).pipe(
      Effect.map(Option.some),
      Effect.catchAll((error) =>
        error._tag === "SystemError" && error.reason === "NotFound"
          ? Effect.succeedNone
          : Effect.fail(new JsonFileUnreadable({ cause: error.message }))
      )
    )
    if (Option.isNone(text)) return Option.none()
    // JSON.parse's message quotes the text around the error: say only that it is not JSON.
    return Option.some(
      yield* Schema.decodeUnknown(Schema.parseJson())(text.value).pipe(
        Effect.mapError(() => new JsonFileUnreadable({ cause: "not valid JSON" }))
      )
    )
  })

/**
 * A provider's own credential file (not auth.json): `None` when absent; unreadable, not JSON, or the wrong shape is
 * a `CredentialsInvalid` naming the file and the field, never quoting a value.
 */
export const readCredentialFile = <A, I>(
  provider: string,
  file: string,
  schema: Schema.Schema<A, I>
): Effect.Effect<Option.Option<A>, CredentialsInvalid, FileSystem.FileSystem> =>
  readJsonFile(file).pipe(
    Effect.mapError((error) => error.cause),
    Effect.flatMap(Option.match({
      onNone: () => Effect.succeedNone,
      onSome: (json) => Schema.decodeUnknown(schema)(json).pipe(Effect.map(Option.some), Effect.mapError(formatIssues))
    })),
    Effect.mapError((problem) => new CredentialsInvalid({ provider, source: file, problem }))
  )
