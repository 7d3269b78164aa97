/**
 * `xiaobao report records.ndjson --from 2026-01-01 --to 2026-06-30 [--compare-with A..B]
 * [--html out.html | --markdown | --json] [--audience public]`: the information-analysis report
 * (实施办法第十八条, seq 27; 《暂行办法》第三十四条) over a file of records, streamed line by line.
 */
import { createReadStream } from 'node:fs'
import { open, stat, writeFile } from 'node:fs/promises'
import type { Engine } from '../../engine/createEngine.js'
import { recordsFromNumberedLines } from '../../report/ndjsonRecords.js'
import { readLines, readText } from '../ndjson.js'
import { renderReportHtml } from '../../report/renderReportHtml.js'
import { renderReportMarkdown } from '../../report/renderReportMarkdown.js'
import type { SummarizeOptions } from '../../report/types.js'
import { checkWritable, fileError, write, type CliIo } from '../io.js'

export const reportHelp = `xiaobao report records.ndjson|- --from YYYY-MM-DD --to YYYY-MM-DD [--compare-with A..B]
       [--html out.html | --markdown | --json] [--audience internal|public] [--provisional] [--strict] [--rules DIR]
  消费维权数据分析报告（实施办法第十八条，seq 27；《暂行办法》第三十四条）：受理、处理、分流情况，办理情况，
  各股室督办情况，热点、难点问题。The information-analysis report over a file of records.
  records        每行一条记录的 NDJSON（或一个 JSON 数组）；- 为标准输入 / NDJSON (or a JSON array); - for stdin
  --from, --to   统计期（含两端）；期限与督办按 --to 当日计算 / the period; deadlines as of --to
  --compare-with 比较期 A..B，用于上升热点 / the period to compare with, e.g. 2025-07-01..2025-12-31
  --html FILE    写出可打印的 HTML 报告（A4，每章一页）/ write the printable HTML report
  --markdown     输出 Markdown（缺省）/ print Markdown (default)
  --json         输出 summarizeRecords 的结果 / print the summary as JSON
  --audience     internal（缺省，含件号）或 public（公开版：无件号、无个人信息、小数字显示为 <5）
  --provisional  允许使用暂定日历 / accept provisional calendar years
  --strict       有未能统计的记录时退出码为 1 / exit 1 when a record could not be counted
  退出码 / exit: 0 成功 done, 1 --strict 且有坏记录 bad records with --strict, 2 参数或规则有误 bad arguments`

const MAX_ARRAY_BYTES = 256 * 1024 * 1024

export interface ReportCommandOptions {
  from?: string
  to?: string
  compareWith?: string
  html?: string
  markdown: boolean
  json: boolean
  audience?: string
  provisional: boolean
  strict: boolean
}

/** Is the file a JSON array (first non-blank character `[`)? */
async function isJsonArray(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(1024)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytesRead).toString('utf8').trimStart().startsWith('[')
  } finally {
    await handle.close()
  }
}

export async function reportCommand(engine: Engine, file: string | undefined, io: CliIo, options: ReportCommandOptions): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(`${message}\n\n${reportHelp}\n`)
    return 2
  }
  if (file === undefined) return usage('缺少记录文件 / missing the records file')
  if (!options.from || !options.to) return usage('须给出 --from 和 --to / --from and --to are required')
  if ([options.html !== undefined, options.markdown, options.json].filter(Boolean).length > 1) return usage('--html、--markdown、--json 只能选一个 / choose one of --html, --markdown, --json')
  let compareWith: SummarizeOptions['compareWith']
  if (options.compareWith !== undefined) {
    const [from, to, ...rest] = options.compareWith.split('..')
    if (!from || !to || rest.length) return usage(`--compare-with 应写成 2025-07-01..2025-12-31，收到 ${JSON.stringify(options.compareWith)}`)
    compareWith = { from, to }
  }
  if (options.audience !== undefined && options.audience !== 'internal' && options.audience !== 'public') return usage(`--audience 应为 internal 或 public，收到 ${JSON.stringify(options.audience)}`)

  // Progress on stderr, only for a person watching a terminal.
  const tty = io.stderr.isTTY === true
  let bytes = 0
  const total = file !== '-' ? (await stat(file)).size : 0
  const onProgress = tty
    ? (read: number) => io.stderr.write(`\r已读 ${read.toLocaleString('en-US')} 条 / records read${total ? `  ${Math.min(100, Math.floor((bytes / total) * 100))}%` : ''}   `)
    : undefined
  // An output that cannot be written is said before the records are read, not after.
  if (options.html !== undefined) await checkWritable(options.html)

  let records: AsyncIterable<unknown> | Iterable<unknown>
  if (file !== '-' && (await isJsonArray(file))) {
    if (total > MAX_ARRAY_BYTES) return usage(`JSON 数组文件过大（${total} 字节）；请改用 NDJSON（每行一条），可流式读取 / the JSON array is too large; use NDJSON`)
    let value: unknown
    let text: string
    try {
      text = await readText(createReadStream(file) as AsyncIterable<Buffer>)
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') throw fileError(error, file, 'read') ?? error
      io.stderr.write(`错误 [invalid_encoding] ${file} 不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 / ${file} is not UTF-8 (GBK, perhaps); save it as UTF-8\n`)
      return 2
    }
    try {
      value = JSON.parse(text)
    } catch (error) {
      io.stderr.write(`${file} 不是合法的 JSON / is not valid JSON: ${(error as Error).message}\n`)
      return 2
    }
    records = value as unknown[]
    bytes = total
  } else {
    const input: NodeJS.ReadableStream = file === '-' ? io.stdin : createReadStream(file)
    input.on('data', (chunk: Buffer | string) => (bytes += chunk.length))
    // Decoded as lines of bytes (src/cli/ndjson.ts): a BOM dropped, a line that is not UTF-8 an entry of the appendix.
    records = recordsFromNumberedLines(readLines(input as AsyncIterable<Buffer>))
  }
  const summary = await engine.summarizeRecords(records, {
    from: options.from,
    to: options.to,
    ...(compareWith ? { compareWith } : {}),
    ...(options.audience ? { audience: options.audience as 'internal' | 'public' } : {}),
    ...(options.provisional ? { provisional: true } : {}),
    ...(onProgress ? { onProgress } : {}),
  })
  if (tty) io.stderr.write('\n')
  if (options.html !== undefined) {
    try {
      await writeFile(options.html, renderReportHtml(summary))
    } catch (error) {
      throw fileError(error, options.html, 'write') ?? error
    }
    io.stderr.write(`已写出 / written: ${options.html}\n`)
  } else if (options.json) {
    await write(io.stdout, JSON.stringify(summary, null, 2) + '\n')
  } else {
    await write(io.stdout, renderReportMarkdown(summary))
  }
  if (summary.totals.errors > 0) io.stderr.write(`${summary.totals.errors} 条记录未能统计，见报告附录 / ${summary.totals.errors} record(s) could not be counted; see the appendix\n`)
  return options.strict && summary.totals.errors > 0 ? 1 : 0
}
