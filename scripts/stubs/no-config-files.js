// @effect/cli can read options from YAML, TOML and INI files; mystatus defines no such option, so the bundles
// carry this instead of three parsers (about 150 KB of start-up parsing).
export const parse = () => {
  throw new Error("mystatus: configuration files are not supported")
}
