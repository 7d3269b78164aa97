/**
 * A worker thread of `xiaobao route --jobs N`: builds the same engine as the main thread (the same rules
 * folder or the bundled rules, the same evaluator), then routes batches of numbered lines and sends back
 * each batch's output text.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createEngine } from '../engine/createEngine.js'
import { loadRuleSet } from '../node/loadRuleSet.js'
import { routeLines, type NumberedLine } from './ndjson.js'

export interface RouteWorkerData {
  rulesDir?: string
  evaluator?: 'compiled' | 'reference'
  explain: boolean
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
const rules = data.rulesDir ? await loadRuleSet(data.rulesDir) : undefined
const engine = createEngine({ ...(rules ? { rules } : {}), ...(data.evaluator ? { evaluator: data.evaluator } : {}) })

parentPort!.on('message', async (request: BatchRequest) => {
  let text = ''
  let routed = 0
  let failed = 0
  for await (const record of routeLines(engine, request.lines, data.explain)) {
    text += record.json + '\n'
    if (record.ok) routed++
    else failed++
  }
  const reply: BatchReply = { batch: request.batch, text, routed, failed }
  parentPort!.postMessage(reply)
})
parentPort!.postMessage({ ready: true })
