import { describe, expect, it } from 'vitest'
import { layoutGraph } from './graphLayout'

describe('layoutGraph', () => {
  it('puts each job one level right of its deepest upstream job', () => {
    const n = (id: string) => ({ id, name: id, enabled: true, lastStatus: null })
    const { nodes, levels, rows } = layoutGraph({
      nodes: [n('a'), n('b'), n('c'), n('d')],
      edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'c' }, { from: 'a', to: 'd' }],
    })
    const level = Object.fromEntries(nodes.map((x) => [x.id, x.level]))
    expect(level).toEqual({ a: 0, b: 1, c: 2, d: 1 })
    expect(levels).toBe(3)
    expect(rows).toBe(2)
  })

  it('survives a cycle instead of recursing forever', () => {
    const n = (id: string) => ({ id, name: id, enabled: true, lastStatus: null })
    const { nodes } = layoutGraph({ nodes: [n('a'), n('b')], edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }] })
    expect(nodes).toHaveLength(2)
  })
})
