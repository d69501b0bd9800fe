import { Schema } from "effect"
import { expecting } from "./issues.js"

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

/**
 * A figure some answers send as a number and others as decimal text ("2048", "96"): either is read, and anything else
 * (a word, NaN, Infinity) fails naming the field, never the value.
 */
export const NumberOrText = Schema.Union(Schema.Number, Schema.NumberFromString).pipe(
  Schema.finite(),
  Schema.annotations(expecting({ _tag: "Type", types: ["number"] }))
)
