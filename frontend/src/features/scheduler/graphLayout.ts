import type { JobGraph } from '../../api/schemas'

export type PlacedNode = JobGraph['nodes'][number] & { x: number; y: number; level: number }

/**
 * Layers jobs left to right by their longest chain of upstream jobs (cycles, which the server rejects, are cut).
 * Returns positions in abstract units: one column per level, one row per job in that level.
 */
export function layoutGraph(graph: JobGraph): { nodes: PlacedNode[]; levels: number; rows: number } {
  const upstream = new Map<string, string[]>()
  for (const e of graph.edges) upstream.set(e.to, [...(upstream.get(e.to) ?? []), e.from])
  const level = new Map<string, number>()
  const visiting = new Set<string>()
  const depth = (id: string): number => {
    if (level.has(id)) return level.get(id)!
    if (visiting.has(id)) return 0
    visiting.add(id)
    const ups = (upstream.get(id) ?? []).filter((u) => graph.nodes.some((n) => n.id === u))
    const d = ups.length ? Math.max(...ups.map(depth)) + 1 : 0
    visiting.delete(id)
    level.set(id, d)
    return d
  }
  const rowsPerLevel = new Map<number, number>()
  const nodes = graph.nodes.map((n) => {
    const l = depth(n.id)
    const row = rowsPerLevel.get(l) ?? 0
    rowsPerLevel.set(l, row + 1)
    return { ...n, level: l, x: l, y: row }
  })
  return { nodes, levels: Math.max(0, ...nodes.map((n) => n.level)) + 1, rows: Math.max(1, ...rowsPerLevel.values()) }
}
