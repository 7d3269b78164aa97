/**
 * Reads every rule file (`*.yaml`, `*.yml`) under a folder, recursively, skipping `schemas/`.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { xiaobaoError } from '../problems/XiaobaoError.js'
import type { RuleFileText } from '../ruleset/parseRuleSet.js'
import { MAX_RULE_FILE_BYTES } from '../ruleset/yamlSource.js'

export async function readRuleFiles(dir: string): Promise<RuleFileText[]> {
  let info
  try {
    info = await stat(dir)
  } catch {
    throw xiaobaoError('missing_file', `找不到规则目录 ${dir}。`, `rules folder ${dir} not found.`)
  }
  if (!info.isDirectory()) throw xiaobaoError('missing_file', `${dir} 不是目录。`, `${dir} is not a folder.`)
  const files: RuleFileText[] = []
  const walk = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const full = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (entry.name === 'schemas' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue
        await walk(full)
      } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
        const path = relative(dir, full).split(sep).join('/')
        const size = (await stat(full)).size
        // Oversized files are not read into memory; the parser reports them by size.
        if (size > MAX_RULE_FILE_BYTES) files.push({ path, text: '', size })
        else files.push({ path, text: await readFile(full, 'utf8') })
      }
    }
  }
  await walk(dir)
  return files
}
