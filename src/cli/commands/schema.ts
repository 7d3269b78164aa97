/**
 * `xiaobao schema [rules-dir]`: writes the JSON Schemas of the rule files into `<rules-dir>/schemas/`,
 * with the folder's own vocabulary names and finding codes as enums.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ruleFileJsonSchemas } from '../../capabilities.js'
import { safeLoadRuleSet } from '../../node/loadRuleSet.js'
import { write, type CliIo } from '../io.js'

export const schemaHelp = `xiaobao schema [rules-dir]
  为规则目录写出各类规则文件的 JSON Schema（供 VS Code 等编辑器补全和检查）到 rules-dir/schemas/，
  其中列出本目录的关键词表名和会议检查代码；rules-dir 默认为 ./rules。规则有错误时写出通用的 schema 并提示。
  Write the JSON Schemas of every rule-file kind (for editor completion and checks) to rules-dir/schemas/,
  listing the folder's vocabulary names and meeting finding codes; rules-dir defaults to ./rules. When the
  rules do not load, writes the generic schemas and says so.`

export async function schemaCommand(rulesDir: string, io: CliIo): Promise<number> {
  const loaded = await safeLoadRuleSet(rulesDir)
  if (!loaded.ok) {
    await write(io.stderr, `规则有 ${loaded.issues.length} 个错误（xiaobao lint 可列出），写出的是不含本目录名称的通用 schema。/ the rules have ${loaded.issues.length} errors (see xiaobao lint); writing the generic schemas without the folder's names.\n`)
  }
  const outDir = join(rulesDir, 'schemas')
  await mkdir(outDir, { recursive: true })
  for (const [name, schema] of Object.entries(ruleFileJsonSchemas(loaded.ok ? loaded.value : undefined))) {
    await writeFile(join(outDir, name), JSON.stringify(schema, null, 2) + '\n')
    await write(io.stdout, `${join(outDir, name)}\n`)
  }
  return 0
}
