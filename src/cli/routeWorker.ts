/**
 * A worker thread of `xiaobao route --jobs N`: builds its engine over the rule set the main thread loaded
 * and handed over (never re-reading a rules folder: every worker routes with the very same rules), then
 * routes batches of numbered lines and sends back each batch's output text.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createEngine } from '../engine/createEngine.js'
import type { RuleSet } from '../capabilities.js'
import { routeBatchSync, routeLines, type NumberedLine, type RouteFormat } from './ndjson.js'

export interface RouteWorkerData {
  /** The parsed rule set, loaded once by the main thread (structured-cloned into each worker). */
  ruleSet: RuleSet
  evaluator?: 'compiled' | 'reference'
  explain: boolean
  format: RouteFormat
}

export interface BatchRequest {
  batch: number
  lines: NumberedLine[]
}

export interface BatchReply {
  batch: number
  text: string
  routed: number
  failed: number
}

const data = workerData as RouteWorkerData
const engine = createEngine({ rules: data.ruleSet, ...(data.evaluator ? { evaluator: data.evaluator } : {}) })

parentPort!.on('message', async (request: BatchRequest) => {
  if (data.evaluator !== 'reference') {
    parentPort!.postMessage({ batch: request.batch, ...routeBatchSync(engine, request.lines, data.explain, data.format) } satisfies BatchReply)
    return
  }
  let text = ''
  let routed = 0
  let failed = 0
  for await (const record of routeLines(engine, request.lines, data.explain, data.format)) {
    text += record.json + '\n'
    if (record.ok) routed++
    else failed++
  }
  const reply: BatchReply = { batch: request.batch, text, routed, failed }
  parentPort!.postMessage(reply)
})
parentPort!.postMessage({ ready: true })
