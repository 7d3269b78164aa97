// @ts-nocheck
import { gzipSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'
const M = '/work/main'
const { loadRuleSet } = await import(M + '/src/node/loadRuleSet.ts')
const { trainRoutingModel } = await import(M + '/src/routing/learned/trainRoutingModel.ts')
const { renderRoutingModel } = await import(M + '/src/routing/learned/renderModel.ts')
const rs = await loadRuleSet(M + '/rules')
const l2 = Number(process.env.L2)
const { model, thresholdChoice } = trainRoutingModel(rs, { l2 })
const text = renderRoutingModel(model)
writeFileSync(`/tmp/model-l2-${l2}.yaml`, text)
console.log(`l2 ${l2}: features ${model.features.split('|').length}, bytes ${text.length}, gzip ${gzipSync(text).length}, threshold ${model.threshold}`)
