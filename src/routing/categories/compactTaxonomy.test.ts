import { describe, expect, it } from 'vitest'
import { decodeTaxonomy, encodeTaxonomy } from './compactTaxonomy.js'

const leaf = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `名${id}`, parent: { id: 'goods', name: '商品' }, sections: ['metrology'], terms: ['电子秤', '秤'], ...extra })

describe('the compact taxonomy', () => {
  it('decodes to exactly its input: ids under and not under the parent, sections, out-of-scope authorities, empty term lists', () => {
    const taxonomy = {
      categories: [
        leaf('goods.scale'),
        leaf('other-id', { parent: { id: 'services', name: '服务' } }),
        { id: 'services.finance', name: '金融', parent: { id: 'services', name: '服务' }, outOfScope: '金融监督管理部门', terms: ['银行 卡', '贷款|'] },
        { ...leaf('goods.empty'), terms: [] },
      ],
    }
    const compact = encodeTaxonomy(taxonomy)
    expect(compact.separator).toBe('\t') // ' ' and '|' occur in terms
    expect(JSON.stringify(decodeTaxonomy(compact))).toBe(JSON.stringify(taxonomy))
    expect(compact.leaves[0]![1]).toBe('.scale')
    expect(compact.leaves[1]![1]).toBe('other-id')
  })

  it('refuses a field it does not store, rather than dropping it', () => {
    expect(() => encodeTaxonomy({ categories: [leaf('goods.a', { basis: '依据' })] })).toThrow(/basis/)
    expect(() => encodeTaxonomy({ categories: [], sources: [] } as never)).toThrow(/sources/)
  })
})
