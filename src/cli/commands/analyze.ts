/**
 * `xiaobao analyze [rules-dir]`: checks the rules themselves — coverage of the regulation, collisions,
 * shadowed and dead rules, test coverage, scenario health. Exit 1 on any error-level finding.
 */
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { analyzeRuleSet } from '../../analysis/analyzeRuleSet.js'
import { formatAnalysisMarkdown, formatAnalysisText } from '../../analysis/formatAnalysis.js'
import { renderAnalysisHtml } from '../../analysis/renderAnalysisHtml.js'
import { loadRuleSet } from '../../node/loadRuleSet.js'
import { packageRoot } from '../../node/packageRoot.js'
import { xiaobaoError } from '../../problems/XiaobaoError.js'
import { isRealDate } from '../../ruleset/schemas.js'
import { checkWritable, colorsFor, colourReport, fileError, write, type CliIo } from '../io.js'
import { readText } from '../ndjson.js'

export const analyzeHelp = `xiaobao analyze [rules-dir] [--json] [--format text|markdown] [--html out.html] [--as-of YYYY-MM-DD] [--words FILE] [--verbose]
  分析规则本身：法规职责的覆盖、主办规则的冲突、被遮蔽和失效的规则、测试覆盖、测试场景的健康。
  Analyse the rules themselves: coverage of the regulation, lead-rule collisions, shadowed and dead
  rules, test coverage, scenario health.
  rules-dir 默认为 ./rules。--html 另写一份给法规人员看的网页报告。--as-of 判断生效期间的日期（默认为测试场景
  中最晚的收到日期）。--verbose 在文字报告中也列出提示（info）。
  --words FILE 通用中文词表（每行一个词，行首的词之后可有词频等，如 jieba 的 dict.txt）：关键词出现在其中
  另有含义的词里时提示 keyword_in_common_word。不写时，如装有 @node-rs/jieba（本仓库的开发依赖），用它的 dict.txt
  （两字以上的词 33.7 万个）。/ a general Chinese word list (one word a line, e.g. jieba's dict.txt): a keyword inside
  another word of it is reported. Without it, @node-rs/jieba's dict.txt is used when that package is installed.
  退出码：有错误级别的发现为 1。Exit 1 when any finding is an error.`

/** The installed xiaobao's version, for the page's provenance. */
function xiaobaoVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version
  } catch {
    return undefined
  }
}

export interface AnalyzeCommandOptions {
  json: boolean
  format?: string
  html?: string
  asOf?: string
  /** A general word list file (one word a line, first column). */
  words?: string
  verbose: boolean
}

/** The words of a word-list file: the first column of each line, lines starting with # skipped. */
export function readWordList(text: string): string[] {
  const out: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim().split(/\s+/)[0] ?? ''
    if (word.length > 1 && !word.startsWith('#')) out.push(word)
  }
  return out
}

/**
 * jieba's dictionary (`@node-rs/jieba`'s dict.txt, 349,045 words) when that package is installed where the
 * command runs or beside xiaobao: the general word list `keyword_in_common_word` checks against by default.
 */
export function installedWordList(cwd: string): string | undefined {
  for (const from of [join(cwd, 'package.json'), join(packageRoot(), 'package.json')]) {
    try {
      return createRequire(from).resolve('@node-rs/jieba/dict.txt')
    } catch {
      // not installed there
    }
  }
  return undefined
}

export async function analyzeCommand(dir: string, io: CliIo, options: AnalyzeCommandOptions): Promise<number> {
  if (options.format !== undefined && options.format !== 'text' && options.format !== 'markdown') {
    throw xiaobaoError('invalid_input', `--format 只能是 text 或 markdown，不是 "${options.format}"。`, `--format must be text or markdown, not "${options.format}".`)
  }
  if (options.asOf !== undefined && !isRealDate(options.asOf)) {
    throw xiaobaoError('invalid_input', `--as-of 应为存在的日期 YYYY-MM-DD，不是 "${options.asOf}"。`, `--as-of must be a real date YYYY-MM-DD, not "${options.asOf}".`)
  }
  // An output that cannot be written is said before the analysis, not after it.
  if (options.html) await checkWritable(options.html)
  const ruleSet = await loadRuleSet(dir)
  let commonWords: string[] | undefined
  const wordsPath = options.words ?? installedWordList(io.cwd)
  if (wordsPath !== undefined) {
    const bytes = await readFile(wordsPath).catch((error: unknown) => {
      throw fileError(error, wordsPath, 'read') ?? error
    })
    // Strict UTF-8, BOM dropped: a GBK list would give U+FFFD words that match nothing, silently.
    const text = await readText([bytes]).catch(() => {
      throw xiaobaoError('invalid_encoding', `${wordsPath} 不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8。`, `${wordsPath} is not UTF-8 (GBK, perhaps); save it as UTF-8.`)
    })
    commonWords = readWordList(text)
    if (options.words === undefined && !options.json) await write(io.stderr, `通用词表 / word list: @node-rs/jieba dict.txt（${commonWords.length} 个词 words）\n`)
  }
  const analysis = analyzeRuleSet(ruleSet, { ...(options.asOf ? { asOf: options.asOf } : {}), ...(commonWords ? { commonWords } : {}) })
  // Paths as the reader would type them: relative to where the command runs, unless that climbs out of it.
  const file = (path: string) => {
    const full = join(dir, path)
    const shown = relative(io.cwd, full)
    return shown && !shown.startsWith('..') ? shown : full
  }
  if (options.html) {
    const html = renderAnalysisHtml(analysis, { bureau: ruleSet.bureau.name, file, xiaobaoVersion: xiaobaoVersion() })
    await writeFile(options.html, html, 'utf8').catch((error: unknown) => {
      throw fileError(error, options.html, 'write') ?? error
    })
  }
  if (options.json) await write(io.stdout, JSON.stringify(analysis, null, 2) + '\n')
  else if (options.format === 'markdown') await write(io.stdout, formatAnalysisMarkdown(analysis, { file }))
  else await write(io.stdout, colourReport(formatAnalysisText(analysis, { file, verbose: options.verbose }), colorsFor(io.stdout, io.env)))
  if (options.html && !options.json) await write(io.stderr, `网页报告已写入 / HTML report written: ${options.html}\n`)
  return analysis.summary.errors > 0 ? 1 : 0
}
