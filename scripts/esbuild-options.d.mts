import type { BuildOptions } from "esbuild"

export declare const common: BuildOptions
export declare const writeCodeCache: (bundle: string, env: Readonly<Record<string, string>>, okStatus?: ReadonlyArray<number>) => void
