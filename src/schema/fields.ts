import { Schema } from "effect"

/** A field providers may omit or send as null: both read as "not said". */
export const nullable = <S extends Schema.Schema.Any>(schema: S) => Schema.optional(Schema.NullOr(schema))
