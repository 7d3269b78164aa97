/**
 * `xiaobao route --jobs N`: NDJSON routed by N worker threads. The main thread reads and numbers lines,
 * sends batches round-robin, and writes the replies strictly in input order. At most 2×N batches are in
 * flight, so memory stays constant whatever the file size; the output is byte for byte the in-process
 * path's.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { NumberedLine } from './ndjson.js'
import type { BatchReply, RouteWorkerData } from './routeWorker.js'
import { write, type CliIo } from './io.js'

const BATCH_LINES = 256

/** The built worker script beside this module, or `undefined` when running from sources (tests, tsx). */
export function workerScript(): URL | undefined {
  const url = new URL('./routeWorker.js', import.meta.url)
  try {
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined
  } catch {
    return undefined
  }
}

export async function routeNdjsonParallel(
  /** Opens the input only once the workers are ready: a readline interface made earlier would drop lines. */
  openLines: () => AsyncIterable<NumberedLine>,
  io: CliIo,
  jobs: number,
  script: URL,
  data: RouteWorkerData,
  onProgress: (count: number) => void,
): Promise<{ routed: number; failed: number }> {
  const workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: data }))
  const done = new Map<number, BatchReply>()
  let failure: unknown
  let wake: (() => void) | undefined
  const notify = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.once('error', reject)
            worker.once('message', () => resolve())
          }),
      ),
    )
    for (const worker of workers) {
      worker.on('message', (reply: BatchReply) => {
        done.set(reply.batch, reply)
        notify()
      })
      worker.on('error', (error) => {
        failure = error
        notify()
      })
    }
    let sent = 0
    let written = 0
    let routed = 0
    let failed = 0
    let count = 0
    const flush = async (until: number) => {
      // Write finished batches in order; wait while the next one in order is still being routed.
      while (written < until) {
        if (failure) throw failure
        const reply = done.get(written)
        if (!reply) {
          await new Promise<void>((resolve) => (wake = resolve))
          continue
        }
        done.delete(written)
        written++
        routed += reply.routed
        failed += reply.failed
        count += reply.routed + reply.failed
        if (reply.text) await write(io.stdout, reply.text)
        onProgress(count)
      }
    }
    let batch: NumberedLine[] = []
    const send = async () => {
      workers[sent % jobs]!.postMessage({ batch: sent, lines: batch })
      sent++
      batch = []
      await flush(sent - 2 * jobs)
    }
    for await (const line of openLines()) {
      batch.push(line)
      if (batch.length >= BATCH_LINES) await send()
    }
    if (batch.length) await send()
    await flush(sent)
    return { routed, failed }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
