import { createServer } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * An OpenAI-compatible chat-completions endpoint on 127.0.0.1 that drives OpenCode to call one tool. It decides by
 * what a request contains, not by order (OpenCode's title and agent requests race): a tool result is echoed back as
 * text; an offered `tool` is called with `toolArgs`; anything else gets a short text.
 */
export interface ChatMessage {
  readonly role: string
  readonly content?: unknown
}

export interface ChatRequest {
  readonly messages?: ReadonlyArray<ChatMessage>
  readonly tools?: ReadonlyArray<{ readonly function?: { readonly name?: string } }>
  readonly stream?: boolean
}

export interface FakeLlm {
  readonly baseUrl: string
  readonly requests: Array<ChatRequest>
  /** Arguments of the next tool calls (JSON object). */
  toolArgs: object
  readonly close: () => Promise<void>
}

export const textOf = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
    ? content.map((part) => (typeof part === "string" ? part : (part as { text?: string })?.text ?? "")).join("")
    : content == null
    ? ""
    : JSON.stringify(content)

export const startFakeLlm = async (tool: string): Promise<FakeLlm> => {
  let calls = 0
  const state = { toolArgs: {} as object, requests: [] as Array<ChatRequest> }
  const server = createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")))
    req.on("end", () => {
      if (req.method !== "POST" || !(req.url ?? "").endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "no route" } }))
        return
      }
      const body = JSON.parse(raw || "{}") as ChatRequest
      state.requests.push(body)
      const id = `chatcmpl-${++calls}`
      const toolResults = (body.messages ?? []).filter((m) => m.role === "tool")
      const offered = (body.tools ?? []).some((t) => t.function?.name === tool)
      const reply = toolResults.length > 0
        ? { text: `Tool said: ${textOf(toolResults.at(-1)!.content)}` }
        : offered
        ? { call: { id: `call_${calls}`, type: "function", function: { name: tool, arguments: JSON.stringify(state.toolArgs) } } }
        : { text: "Quota check" }
      const chunk = (delta: object, finish: string | null = null) =>
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 0, model: "fake-model", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
      if (body.stream !== true) {
        const message = "call" in reply ? { role: "assistant", content: null, tool_calls: [reply.call] } : { role: "assistant", content: reply.text }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
          id,
          object: "chat.completion",
          created: 0,
          model: "fake-model",
          choices: [{ index: 0, message, finish_reason: "call" in reply ? "tool_calls" : "stop" }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }
        }))
        return
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" })
      if ("call" in reply) {
        res.write(chunk({ role: "assistant", content: null, tool_calls: [{ index: 0, ...reply.call }] }))
        res.write(chunk({}, "tool_calls"))
      } else {
        res.write(chunk({ role: "assistant", content: reply.text }))
        res.write(chunk({}, "stop"))
      }
      res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 0, model: "fake-model", choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } })}\n\n`)
      res.end("data: [DONE]\n\n")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests
    },
    get toolArgs() {
      return state.toolArgs
    },
    set toolArgs(value: object) {
      state.toolArgs = value
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
