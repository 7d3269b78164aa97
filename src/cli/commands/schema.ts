/**
 * `xiaobao schema [out-dir]`: writes the JSON Schemas of the rule files.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ruleFileJsonSchemas } from '../../capabilities.js'
import { write, type CliIo } from '../io.js'

export const schemaHelp = `xiaobao schema [out-dir]
  写出各类规则文件的 JSON Schema（供 VS Code 等编辑器自动补全和检查），默认写到 ./rules/schemas。
  Write the JSON Schemas of every rule-file kind (for editor completion), by default to ./rules/schemas.`

export async function schemaCommand(outDir: string, io: CliIo): Promise<number> {
  await mkdir(outDir, { recursive: true })
  for (const [name, schema] of Object.entries(ruleFileJsonSchemas())) {
    await writeFile(join(outDir, name), JSON.stringify(schema, null, 2) + '\n')
    await write(io.stdout, `${join(outDir, name)}\n`)
  }
  return 0
}
