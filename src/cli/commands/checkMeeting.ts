/**
 * `xiaobao check-meeting record.yaml|record.json`: checks a joint-meeting record against the procedure of
 * seq 22-26 and prints the findings in Chinese with their articles. Exit 0 compliant, 1 not compliant,
 * 2 bad input.
 */
import { readFile } from 'node:fs/promises'
import type { Engine } from '../../engine/createEngine.js'
import type { MeetingCheckResult } from '../../meetings/types.js'
import { formatCitation } from '../../ruleset/citations.js'
import { parseYamlSource } from '../../ruleset/yamlSource.js'
import { formatIssue } from '../../problems/issue.js'
import { colorsFor, colourReport, fileError, write, type CliIo } from '../io.js'
import { readText } from '../ndjson.js'

export const checkMeetingHelp = `xiaobao check-meeting record.yaml|record.json [--rules DIR] [--json]
  检查一次联席会议的决定是否符合实施办法第十三条至第十七条（seq 22-26）规定的程序。
  Check a joint-meeting decision against the procedure of seq 22-26.
  --rules DIR   使用该目录的规则（默认：内置规则）/ rules folder (default: bundled rules)
  --json        输出 JSON / print the result as JSON
  退出码 / exit: 0 合规 compliant, 1 不合规 not compliant, 2 记录有误 bad record`

const MAX_RECORD_BYTES = 2 * 1024 * 1024

/** Reads a record file: JSON for `.json`, YAML otherwise (safely: no alias bombs, no prototype keys). */
async function readRecord(file: string, io: CliIo): Promise<{ ok: true; value: unknown } | { ok: false }> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw fileError(error, file, 'read') ?? error
  }
  if (bytes.length > MAX_RECORD_BYTES) {
    io.stderr.write(`错误 [input_too_large] ${file} 过大，会议记录不应超过 2 MB / the record is over 2 MB\n`)
    return { ok: false }
  }
  // Strict UTF-8 (a GBK record is refused, not read as U+FFFD), BOM dropped.
  let text: string
  try {
    text = await readText([bytes])
  } catch {
    io.stderr.write(`错误 [invalid_encoding] ${file} 不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 / ${file} is not UTF-8 (GBK, perhaps); save it as UTF-8\n`)
    return { ok: false }
  }
  if (file.endsWith('.json')) {
    try {
      return { ok: true, value: JSON.parse(text) }
    } catch (error) {
      io.stderr.write(`错误 [invalid_json] ${file} 不是合法的 JSON / is not valid JSON: ${(error as Error).message}\n`)
      return { ok: false }
    }
  }
  const parsed = parseYamlSource(file, text)
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.stderr.write(formatIssue(issue) + '\n')
    return { ok: false }
  }
  return { ok: true, value: parsed.source.value }
}

/** The findings as a clerk reads them. */
export function formatMeetingCheck(result: MeetingCheckResult, id?: string): string {
  const violations = result.findings.filter((f) => f.severity === 'violation').length
  const warnings = result.findings.length - violations
  const lines = [
    `${id ? `联席会议 ${id}：` : ''}${result.compliant ? '符合程序' : '不符合程序'}（违规 ${violations} 项，提示 ${warnings} 项）`,
    `${id ? `Joint meeting ${id}: ` : ''}${result.compliant ? 'compliant' : 'not compliant'} (${violations} violation${violations === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
  ]
  for (const finding of result.findings) {
    lines.push('', `${finding.severity === 'violation' ? '✗ 违规' : '! 提示'} [${finding.code}]${finding.path ? ` ${finding.path.join('.')}` : ''}`)
    lines.push(`  ${finding.message}`)
    for (const citation of finding.basis) lines.push(`  依据：${formatCitation(citation)}：${citation.text}`)
  }
  return lines.join('\n') + '\n'
}

export async function checkMeetingCommand(engine: Engine, file: string | undefined, io: CliIo, options: { json: boolean }): Promise<number> {
  if (!file) {
    io.stderr.write(`请给出会议记录文件 / give a record file.\n\n${checkMeetingHelp}\n`)
    return 2
  }
  const record = await readRecord(file, io)
  if (!record.ok) return 2
  const result = await engine.checkMeetingDecision(record.value as never)
  const id = (record.value as { meeting?: { id?: string } }).meeting?.id
  await write(io.stdout, options.json ? JSON.stringify(result, null, 2) + '\n' : colourReport(formatMeetingCheck(result, id), colorsFor(io.stdout, io.env)))
  return result.compliant ? 0 : 1
}
