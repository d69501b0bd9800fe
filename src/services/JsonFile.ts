import { FileSystem } from "@effect/platform"
import { Data, Effect, Option, Schema } from "effect"

/** Why a credential file could not be used; `cause` never quotes the file (it holds secrets). */
export class JsonFileUnreadable extends Data.TaggedError("JsonFileUnreadable")<{ readonly cause: string }> {}

/** A JSON file we only ever read: `None` when it does not exist. */
export const readJsonFile = (
  file: string
): Effect.Effect<Option.Option<unknown>, JsonFileUnreadable, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    if (!(yield* fs.exists(file).pipe(Effect.orElseSucceed(() => true)))) return Option.none()
    const text = yield* fs.readFileString(file).pipe(
      Effect.mapError((error) => new JsonFileUnreadable({ cause: error.message }))
    )
    // JSON.parse's message quotes the text around the error: say only that it is not JSON.
    return Option.some(
      yield* Schema.decodeUnknown(Schema.parseJson())(text).pipe(
        Effect.mapError(() => new JsonFileUnreadable({ cause: "not valid JSON" }))
      )
    )
  })
