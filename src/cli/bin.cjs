#!/usr/bin/env node
// The `mystatus` bin. It runs the bundled CLI through V8's code cache, made at build time: parsing the bundle is
// most of a cold start. A cache from another Node/V8 version is rejected by V8 and the bundle is simply compiled.
"use strict"
const { readFileSync } = require("node:fs")
const { join } = require("node:path")
const { Script } = require("node:vm")
const { wrap } = require("node:module")

const file = join(__dirname, "cli-bundle.cjs")
let cachedData
try {
  cachedData = readFileSync(`${file}.cache`)
} catch {
  // no cache shipped: compile normally
}
new Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData })
  .runInThisContext()(module.exports, require, module, file, __dirname)
