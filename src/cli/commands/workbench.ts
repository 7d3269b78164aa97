/**
 * `xiaobao workbench [rules-dir]`: serves the legal staff's workbench page on 127.0.0.1 and prints its
 * address with the session token; runs until Ctrl+C.
 */
import { stat } from 'node:fs/promises'
import { loadWorkbenchAssets } from '../../node/workbench/assets.js'
import { startWorkbench } from '../../node/workbench/server.js'
import { safeLoadRuleSet } from '../../node/index.js'
import { write, type CliIo } from '../io.js'

export const workbenchHelp = `xiaobao workbench [rules-dir] [--port N]
  在本机打开规则工作台（网页）：贴一件投诉看分办结果和依据、编辑规则文件（即时显示 文件:行:列 的错误）、
  运行测试场景看失败和覆盖；整套规则检查通过后才保存，原文件留作 <文件>.bak。
  只在 127.0.0.1 上服务；打印的网址带本次会话的令牌，请只在本机浏览器中打开。按 Ctrl+C 结束。
  rules-dir 默认为 ./rules；--port 默认由系统选一个空闲端口。
  A local web page for legal staff: route a complaint and see why, edit the rule files with live
  file:line:col errors, run the scenarios and see failures and coverage; a save is written only when the
  whole rule set loads, keeping the previous version as <file>.bak. Served on 127.0.0.1 only; the printed
  address carries this session's token. Ctrl+C to stop.`

export interface WorkbenchCommandOptions {
  port?: string
  /** Resolves when the server should stop (tests); by default SIGINT or SIGTERM. */
  until?: Promise<unknown>
  /** Called with the address once the server listens (tests). */
  onListening?: (url: string) => void
}

export async function workbenchCommand(dir: string, io: CliIo, options: WorkbenchCommandOptions): Promise<number> {
  const port = options.port === undefined ? 0 : Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    await write(io.stderr, `--port 应为 0 到 65535 的整数 / --port must be a whole number from 0 to 65535, not ${JSON.stringify(options.port)}\n`)
    return 2
  }
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    await write(io.stderr, `找不到规则目录 ${dir}。可先用 xiaobao init 建立。/ rules folder ${dir} not found; create one with xiaobao init.\n`)
    return 2
  }
  const loaded = await safeLoadRuleSet(dir)
  let workbench
  try {
    workbench = await startWorkbench({ rulesDir: dir, assets: await loadWorkbenchAssets(), port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    await write(io.stderr, `端口 ${port} 已被占用，请换一个，或不给 --port 让系统选择。/ port ${port} is in use; choose another or omit --port.\n`)
    return 2
  }
  await write(
    io.stdout,
    `规则工作台 / rules workbench: ${workbench.rulesDir}\n` +
      (loaded.ok ? '  规则检查通过 / the rules load\n' : `  规则有 ${loaded.issues.length} 个错误，可在工作台中修改 / ${loaded.issues.length} errors to fix in the workbench\n`) +
      `\n在本机浏览器中打开 / open in a browser on this machine:\n  ${workbench.url}\n\n` +
      `网址中的令牌只用于本次会话，请勿转发。按 Ctrl+C 结束。/ The token is for this session only. Ctrl+C to stop.\n`,
  )
  options.onListening?.(workbench.url)
  await (options.until ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    }))
  await workbench.close()
  await write(io.stdout, '工作台已关闭 / workbench stopped\n')
  return 0
}
