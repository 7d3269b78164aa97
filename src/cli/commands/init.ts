/**
 * `xiaobao init [dir] --county 县名`: a bureau's own rules folder, copied from the rules shipped in the
 * package (`rules/`, listed in package.json `files`), with its JSON Schemas, its scenarios and a README
 * for legal staff. The county is written into `config.yaml` by editing the YAML text in place (the
 * `yaml` Document API gives each value's range), so every comment and every line's layout is kept.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { isScalar, parse, parseDocument, Scalar, visit } from 'yaml'
import * as z from 'zod'
import { packageRoot } from '../../node/packageRoot.js'
import { formatIssue, parseRuleSet } from '../../index.js'
import { readRuleFiles } from '../../node/index.js'
import { write, type CliIo } from '../io.js'
import { legalStaffReadme } from './initReadme.js'

export const initHelp = `xiaobao init [dir] [--county 县名] [--force]
  新建本局自己的规则目录：复制随包发布的规则、JSON Schema 和测试场景，另写一份给法规人员的说明 README.md，
  并把 config.yaml 中本局所在县改为 --county（注释和排版保持不变；测试场景里的本县也一并改掉）。
  dir 默认为 ./rules。目录已有文件时不写，除非加 --force（覆盖同名文件，其他文件不动）。
  Create a bureau's own rules folder from the rules shipped in the package (rules, JSON Schemas,
  scenarios) with a README for legal staff, and set the bureau's county in config.yaml from --county.
  dir defaults to ./rules; a folder that is not empty is refused unless --force (same-named files are
  overwritten, others left alone). Prints the next three commands: lint, test, route.`

/** A county name as config.yaml's `bureau.county` takes it: one line of 1..100 characters. */
const countyName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'control character' })

export interface InitOptions {
  county?: string
  force: boolean
  /** The folder as the user typed it, for the printed commands. */
  shown: string
}

export async function initCommand(dir: string, io: CliIo, options: InitOptions): Promise<number> {
  let county: string | undefined
  if (options.county !== undefined) {
    const checked = countyName.safeParse(options.county)
    if (!checked.success) {
      await write(io.stderr, `--county 应为 1 到 100 个字符的县名，如 青田县；收到 ${JSON.stringify(options.county)}。\n--county must be a county name of 1 to 100 characters, e.g. 青田县.\n`)
      return 2
    }
    county = checked.data
  }
  const source = join(packageRoot(), 'rules')
  if (!(await isDirectory(source))) {
    await write(io.stderr, `内部错误：包里没有 rules/ 目录（${source}）。/ internal error: the package has no rules/ folder.\n`)
    return 3
  }
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : error))
  if (existing instanceof Error) {
    await write(io.stderr, `无法写入 ${options.shown}：${existing.message}\ncannot write ${options.shown}: ${existing.message}\n`)
    return 2
  }
  if (existing.length > 0 && !options.force) {
    await write(
      io.stderr,
      `目录 ${options.shown} 不是空的（有 ${existing.length} 项），未写入任何文件。要覆盖同名文件，请加 --force；或换一个新目录。\n` +
        `${options.shown} is not empty (${existing.length} entries); nothing was written. Add --force to overwrite same-named files, or choose a new folder.\n`,
    )
    return 2
  }

  const files = await shippedFiles(source)
  const config = files.find((f) => f.path === 'config.yaml')
  const oldCounty = config ? countyOf(config.text) : undefined
  let replaced = 0
  for (const file of files) {
    let text = file.text
    if (county !== undefined && oldCounty !== undefined && county !== oldCounty) {
      if (file.path === 'config.yaml') text = setBureauCounty(text, oldCounty, county)
      else if (/\.ya?ml$/.test(file.path) && kindOf(text) === 'scenarios') {
        // The shipped scenarios place their respondents in the bureau's own county; they stay true of
        // the new bureau only if they name its county.
        const edited = replaceScalarValues(text, oldCounty, county)
        text = edited.text
        replaced += edited.count
      }
    }
    const target = join(dir, ...file.path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, text)
  }
  const bureauCounty = county ?? oldCounty ?? ''
  await writeFile(join(dir, 'README.md'), legalStaffReadme({ dir: options.shown, county: bureauCounty }))

  // What was written must load: a refusal here would be a bug, never a half-made folder left unsaid.
  const result = parseRuleSet(await readRuleFiles(dir))
  if (!result.ok) {
    for (const issue of result.issues) await write(io.stderr, formatIssue({ ...issue, file: issue.file ? join(options.shown, issue.file) : issue.file }) + '\n')
    return 1
  }
  const yaml = files.filter((f) => /\.ya?ml$/.test(f.path))
  const scenarioFiles = yaml.filter((f) => f.path.endsWith('.test.yaml')).length
  const schemas = files.filter((f) => f.path.startsWith('schemas/')).length
  const q = shellQuote(options.shown)
  await write(
    io.stdout,
    `已在 ${options.shown} 建立本局的规则目录 / created the rules folder ${options.shown}:\n` +
      `  ${yaml.length - scenarioFiles} 个规则文件 rule files, ${scenarioFiles} 个测试场景文件 scenario files, ${schemas} 个 JSON Schema, README.md\n` +
      `  本局 / bureau: ${result.value.bureau.name}（所在县 county: ${result.value.bureau.county}）\n` +
      (county === undefined
        ? `  未给 --county：所在县仍为 ${oldCounty}，请在 config.yaml 中改为本局所在县。/ no --county given: edit bureau.county in config.yaml.\n`
        : replaced > 0
          ? `  测试场景中本县的 ${replaced} 处 ${oldCounty} 已改为 ${county}。/ ${replaced} scenario values naming ${oldCounty} now name ${county}.\n`
          : '') +
      `\n下一步 / next:\n` +
      `  npx xiaobao lint ${q}     # 检查规则 / check the rules\n` +
      `  npx xiaobao test ${q}     # 运行测试场景 / run the scenarios\n` +
      `  echo '{"kind":"complaint","receivedOn":"2026-03-02","text":"在超市买的牛奶过期了"}' | npx xiaobao route - --rules ${q}   # 分办一件投诉 / route a complaint\n`,
  )
  return 0
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false
}

/** Every file of the shipped rules folder (rules, scenarios, schemas), with `/` paths; backups skipped. */
async function shippedFiles(root: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = []
  const walk = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = join(folder, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile() && /\.(ya?ml|json)$/.test(entry.name)) out.push({ path: relative(root, full).split(sep).join('/'), text: await readFile(full, 'utf8') })
    }
  }
  await walk(root)
  return out
}

function kindOf(text: string): unknown {
  try {
    return (parse(text) as { kind?: unknown } | null)?.kind
  } catch {
    return undefined
  }
}

function countyOf(text: string): string | undefined {
  const value = parseDocument(text).getIn(['bureau', 'county'])
  return typeof value === 'string' ? value : undefined
}

/** The scalar `value` written as YAML in the style of `node` (plain when plain reads back the same). */
function render(node: Scalar, value: string): string {
  if (node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`
  if (node.type === Scalar.PLAIN) {
    try {
      const block = parse(`k: ${value}`) as { k?: unknown }
      const flow = parse(`[${value}]`) as unknown[]
      if (block?.k === value && Array.isArray(flow) && flow.length === 1 && flow[0] === value) return value
    } catch {
      // not safe as a plain scalar: quote it
    }
  }
  return JSON.stringify(value)
}

/** Replaces, in the text, the source range of each scalar value (not key) equal to `from`. */
function replaceScalarValues(text: string, from: string, to: string): { text: string; count: number } {
  const doc = parseDocument(text)
  const edits: { start: number; end: number; text: string }[] = []
  visit(doc, {
    Scalar(key, node) {
      // The same county however written (a scenario may write it full-width, ＸＸ县, or with spaces,
      // as the loader normalises county names before comparing); the spaces around it are kept.
      if (key === 'key' || typeof node.value !== 'string' || !node.range || node.value.normalize('NFKC').trim() !== from) return
      const [, before = '', after = ''] = /^(\s*)[\s\S]*?(\s*)$/.exec(node.value) ?? []
      edits.push({ start: node.range[0], end: node.range[1], text: render(node, before + to + after) })
    },
  })
  let out = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  return { text: out, count: edits.length }
}

/** config.yaml with `bureau.county` set to `county`, and the old county in `bureau.name` replaced. */
function setBureauCounty(text: string, oldCounty: string, county: string): string {
  const doc = parseDocument(text)
  const edits: { start: number; end: number; text: string }[] = []
  for (const key of ['county', 'name'] as const) {
    const node = doc.getIn(['bureau', key], true)
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue
    const next = key === 'county' ? county : node.value.split(oldCounty).join(county)
    if (next !== node.value) edits.push({ start: node.range[0], end: node.range[1], text: render(node, next) })
  }
  let out = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  return out
}

/** A path as a POSIX shell word. */
function shellQuote(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
