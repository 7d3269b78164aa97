/**
 * The README that `xiaobao init` writes into a bureau's new rules folder: for the legal staff who keep
 * the rules, in Chinese, with the commands spelt out for this folder.
 */
export function legalStaffReadme({ dir, county }: { dir: string; county: string }): string {
  const d = /^[\w./@%+=:,-]+$/.test(dir) ? dir : `'${dir.replace(/'/g, `'\\''`)}'`
  return `# 本局的分办规则（${county}）

这个目录由 \`npx xiaobao init\` 建立，是本局自己的规则：投诉、举报、咨询由谁登记、哪个股室主办、哪些股室协办，
联席会议的程序检查，法定期限和督办。内容最初复制自 xiaobao 随包发布的规则，之后由本局法规人员维护。
每条规则都写明它依据的条款（\`cites\`），改规则时请同时核对条文原文（\`articles/\`）。

## 目录里有什么

| 文件 | 内容 |
|---|---|
| \`config.yaml\` | 本局名称、所在县（属地管辖据此判断）、兜底主办股室、投诉文字上限 |
| \`sections/<股室>.yaml\` | 一个股室：名称、职责原文、分办规则 |
| \`sections/<股室>.test.yaml\`、\`tests/*.test.yaml\` | 测试场景：一件投诉和期望的分办结果 |
| \`vocabularies/*.yaml\` | 关键词表，规则按名称引用 |
| \`intake.yaml\`、\`screening.yaml\` | 谁登记受理；不予受理与移送 |
| \`procedures/joint-meeting.yaml\` | 联席会议议事程序的检查 |
| \`deadlines.yaml\`、\`escalation.yaml\`、\`calendar/\` | 法定期限、逾期督办、每年的放假调休安排 |
| \`articles/*.yaml\` | 实施办法、《暂行办法》等条文原文。\`implementation-measures.yaml\` 和各股室文件里的职责原文来自随包的示例县，请换成本局自己的实施办法原文（条号 \`seq\` 与规则的 \`cites\` 对应，换后运行 lint 核对） |
| \`schemas/*.json\` | 供编辑器补全、检查用的 JSON Schema，由程序生成，请勿手改 |

## 怎样改规则

1. 用 VS Code（装 YAML 插件）打开这个目录。每个文件第一行的 \`# yaml-language-server: $schema=…\`
   让编辑器提示可写的字段、即时标出写错的地方。
2. 或者打开工作台，在网页里试分办、改规则、跑测试：

   \`\`\`sh
   npx xiaobao workbench ${d}
   \`\`\`

   命令会打印一个只在本机打开的网址（带一次性令牌）。在网页里保存时，只有整套规则检查通过才会写回，
   原文件留作 \`<文件名>.bak\`。
3. 改完后在命令行检查、测试：

   \`\`\`sh
   npx xiaobao lint ${d}      # 检查：每个错误都有 文件:行:列 和中文说明
   npx xiaobao test ${d}      # 运行全部测试场景，最后一行 “N passed, M failed”
   npx xiaobao analyze ${d}   # 分析：职责覆盖、主办冲突、失效规则、测试覆盖
   \`\`\`

4. 试分办一件投诉：

   \`\`\`sh
   echo '{"kind":"complaint","receivedOn":"2026-03-02","text":"在超市买的牛奶过期了"}' | npx xiaobao route - --rules ${d}
   \`\`\`

## 写测试场景

每改一条规则，就在对应的 \`.test.yaml\` 里加一个场景，写明期望的结果：

\`\`\`yaml
kind: scenarios
scenarios:
  - name: 超市销售过期牛奶
    input: { kind: complaint, receivedOn: "2026-03-02", text: 在县城某超市买的牛奶过期了 }
    expect: { disposition: route, lead: food-circulation, assist: [] }
\`\`\`

## 本局的应用怎样用这个目录

\`\`\`ts
import { createEngine } from 'xiaobao'
import { loadRuleSet } from 'xiaobao/node'

const engine = createEngine({ rules: await loadRuleSet('${dir.replace(/'/g, "\\'")}') })
\`\`\`

## 升级 xiaobao 时

这个目录不会随 xiaobao 升级而改变。新版本随包发布的规则可以用 \`npx xiaobao init 另一个目录\` 写出来，
与本目录比较后，把需要的改动手工合并过来，再运行 lint 和 test。
`
}
