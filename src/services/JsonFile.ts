import { FileSystem } from "@effect/platform"
import type { PlatformError } from "@effect/platform/Error"
import { Context, Data, Effect, Either, Layer, Option, Request, RequestResolver, Schema } from "effect"
import { AuthFileUnreadable, CredentialsInvalid, type FileProblem } from "../schema/errors.js"
import { issuesOf } from "../schema/issues.js"
import { parseJsonText } from "./JsonText.js"

/** Credential files are a few kilobytes; anything near this is not one. */
export const MAX_FILE_BYTES = 1024 * 1024

/** Why a credential file could not be used; never a quote of the file (it holds secrets). */
export class JsonFileUnreadable extends Data.TaggedError("JsonFileUnreadable")<{
  readonly problem: FileProblem
  readonly line?: number
  readonly column?: number
  readonly detail?: string
}> {}

class ReadJsonFile extends Request.TaggedClass("ReadJsonFile")<Option.Option<unknown>, JsonFileUnreadable, {
  readonly path: string
}> {}

/**
 * Reading the credential files, each at most once per run: reads are requests, and the program gives every run a
 * fresh request cache. Several providers share auth.json and ask for it at once; none of them sees a file as it was
 * in an earlier run (the plugin lives across many runs, and the user may have just logged in again).
 */
export class CredentialFiles extends Context.Tag("mystatus/CredentialFiles")<CredentialFiles, {
  /** The file's JSON, or `None` when it does not exist. */
  readonly read: (path: string) => Effect.Effect<Option.Option<unknown>, JsonFileUnreadable>
}>() {
  static readonly layer = Layer.effect(
    CredentialFiles,
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const resolver = RequestResolver.fromEffect((request: ReadJsonFile) =>
        readJsonFile(request.path).pipe(Effect.provideService(FileSystem.FileSystem, fs))
      )
      return CredentialFiles.of({ read: (path) => Effect.request(new ReadJsonFile({ path }), resolver) })
    })
  )
}

/**
 * One credential file: looked at before it is opened (a FIFO or a device where a file should be would block the read
 * forever; a directory or a huge file is not a credential file), then read whole and parsed within bounds.
 */
export const readJsonFile = (
  file: string
): Effect.Effect<Option.Option<unknown>, JsonFileUnreadable, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const info = yield* fs.stat(file).pipe(Effect.map(Option.some), Effect.catchAll(absentOr))
    if (Option.isNone(info)) return Option.none()
    const { size, type } = info.value
    if (type === "Directory") return yield* new JsonFileUnreadable({ problem: "isDirectory" })
    if (type !== "File") return yield* new JsonFileUnreadable({ problem: "notRegularFile" })
    if (size > MAX_FILE_BYTES) return yield* new JsonFileUnreadable({ problem: "tooLarge", detail: String(MAX_FILE_BYTES) })
    const text = yield* fs.readFileString(file).pipe(Effect.catchAll((error) => Effect.fail(unreadable(error))))
    const json = parseJsonText(text)
    if (Either.isRight(json)) return Option.some(json.right)
    const problem = json.left
    return yield* new JsonFileUnreadable(
      problem._tag === "TooDeep"
        ? { problem: "tooDeep" }
        : problem._tag === "NotJson"
        ? { problem: "notJson", line: problem.line, column: problem.column }
        : { problem: "notJson", line: 1, column: 1 }
    )
  })

const absentOr = (error: PlatformError) =>
  error._tag === "SystemError" && error.reason === "NotFound" ? Effect.succeedNone : Effect.fail(unreadable(error))

/** The system's reason in our words; the error code (EIO, ELOOP) is kept, the message (it repeats the path) is not. */
const unreadable = (error: PlatformError): JsonFileUnreadable => {
  if (error._tag === "SystemError" && error.reason === "PermissionDenied") {
    return new JsonFileUnreadable({ problem: "permissionDenied" })
  }
  const code = error._tag === "SystemError" ? (error.cause as { readonly code?: unknown } | undefined)?.code : undefined
  if (code === "EISDIR") return new JsonFileUnreadable({ problem: "isDirectory" })
  return new JsonFileUnreadable({ problem: "ioError", ...(typeof code === "string" ? { detail: code } : {}) })
}

/**
 * A provider's own credential file (not auth.json): `None` when absent; unreadable or not JSON is an
 * `AuthFileUnreadable` naming the file, the wrong shape a `CredentialsInvalid` naming the field, never a value.
 */
export const readCredentialFile = <A, I>(
  provider: string,
  file: string,
  schema: Schema.Schema<A, I>
): Effect.Effect<Option.Option<A>, AuthFileUnreadable | CredentialsInvalid, CredentialFiles> =>
  Effect.flatMap(CredentialFiles, (files) => files.read(file)).pipe(
    Effect.mapError((error) => fileError(provider, file, error)),
    Effect.flatMap(Option.match({
      onNone: () => Effect.succeedNone,
      onSome: (json) =>
        Schema.decodeUnknown(schema)(json).pipe(
          Effect.map(Option.some),
          Effect.mapError((error) => new CredentialsInvalid({ provider, source: file, issues: issuesOf(error) }))
        )
    }))
  )

export const fileError = (provider: string, path: string, error: JsonFileUnreadable): AuthFileUnreadable =>
  new AuthFileUnreadable({
    provider,
    path,
    problem: error.problem,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.column === undefined ? {} : { column: error.column }),
    ...(error.detail === undefined ? {} : { detail: error.detail })
  })
