/** A node of the task tree (section → task → sub-task, or a project → its district quota rows). */
export interface TaskNode {
  id: string;
  parentId?: string;
  /** Progress from the node's own accepted report, in percent. */
  ownProgress?: number;
  weight?: number;
}

export interface NodeProgress {
  progress?: number;
  /** True when the progress was computed from the children. */
  derived: boolean;
}

/**
 * Each node's progress: its own report when it has one, else the (weighted)
 * mean of its children's, where a child that knows nothing counts as 0 as
 * long as some sibling knows something.
 */
export function treeProgress(nodes: readonly TaskNode[]): Map<string, NodeProgress> {
  const children = new Map<string, TaskNode[]>();
  for (const n of nodes) {
    if (n.parentId === undefined) continue;
    let list = children.get(n.parentId);
    if (!list) children.set(n.parentId, (list = []));
    list.push(n);
  }
  const out = new Map<string, NodeProgress>();
  const visiting = new Set<string>();
  const visit = (n: TaskNode): NodeProgress => {
    const done = out.get(n.id);
    if (done) return done;
    if (n.ownProgress !== undefined) return remember(n, { progress: n.ownProgress, derived: false });
    const kids = children.get(n.id) ?? [];
    if (visiting.has(n.id) || kids.length === 0) return remember(n, { progress: undefined, derived: false });
    visiting.add(n.id);
    const values = kids.map((k) => ({ p: visit(k).progress, w: k.weight ?? 1 }));
    visiting.delete(n.id);
    if (values.every((v) => v.p === undefined)) return remember(n, { progress: undefined, derived: false });
    const w = values.reduce((s, v) => s + v.w, 0);
    const progress = w > 0 ? values.reduce((s, v) => s + (v.p ?? 0) * v.w, 0) / w : undefined;
    return remember(n, { progress, derived: true });
  };
  const remember = (n: TaskNode, p: NodeProgress) => (out.set(n.id, p), p);
  for (const n of nodes) visit(n);
  return out;
}
