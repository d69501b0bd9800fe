#!/usr/bin/env node
// Our registry mirror lacks the other platforms' builds of some packages (opencode-ai's darwin, windows, arm64 and
// musl binaries). `npm install` then leaves them out of package-lock.json and `npm ci` rejects the lock as out of
// sync. This adds the missing optional platform packages with the os/cpu/libc their names state, so `npm ci` skips
// them on other platforms and fetches them by name and version where they apply. Run it after `npm install`.
import { readFileSync, writeFileSync } from "node:fs"

const file = new URL("../package-lock.json", import.meta.url)
const lock = JSON.parse(readFileSync(file, "utf8"))
const PLATFORM = /-(darwin|linux|windows)-(x64|arm64)(-baseline)?(-musl)?$/
let added = 0
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`
    const match = PLATFORM.exec(name)
    if (lock.packages[key] !== undefined || match === null) continue
    const [, os, cpu, , musl] = match
    lock.packages[key] = {
      version,
      cpu: [cpu],
      ...(lock.packages[path].dev ? { dev: true } : {}),
      ...(musl ? { libc: ["musl"] } : {}),
      optional: true,
      os: [os === "windows" ? "win32" : os]
    }
    added += 1
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))))
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n")
console.log(`complete-lock: ${added} optional platform package(s) added`)
