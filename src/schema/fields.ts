import { Schema } from "effect"

/** A field providers may omit or send as null: both read as "not said". */
export const nullable = <S extends Schema.Schema.Any>(schema: S) => Schema.optional(Schema.NullOr(schema))

/**
 * A struct of which every field may be omitted or null: how most quota answers read (a field appears with one plan,
 * is null with another). Decoded fields are `T | null | undefined`.
 */
export const nullableStruct = <const F extends Record<string, Schema.Schema.Any>>(fields: F) =>
  Schema.Struct(
    Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, nullable(schema)])) as {
      readonly [K in keyof F]: ReturnType<typeof nullable<F[K]>>
    }
  )
