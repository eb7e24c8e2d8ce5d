import { DomainError } from '../errors/domain-error.js';

export interface PrerequisiteNode {
  id: string;
  prerequisites: readonly string[];
}

/**
 * Keeps the edges (before → after) in the order given, dropping any that would close a cycle or make a chain
 * longer than `maxChain` courses. Used for prerequisites the system derives; a cycle in a course list someone
 * wrote is an error (`assertAcyclic`).
 */
export function breakPrerequisiteCycles(
  nodes: readonly string[],
  edges: readonly (readonly [string, string])[],
  maxChain = Infinity,
) {
  const next = new Map<string, Set<string>>(nodes.map((id) => [id, new Set<string>()]));
  const previous = new Map<string, Set<string>>(nodes.map((id) => [id, new Set<string>()]));
  // Courses on the longest chain ending at / starting from a node (the graph stays acyclic, so this terminates).
  const longest = (id: string, links: Map<string, Set<string>>, memo: Map<string, number>): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let best = 1;
    for (const other of links.get(id) ?? []) best = Math.max(best, 1 + longest(other, links, memo));
    memo.set(id, best);
    return best;
  };
  const reaches = (from: string, to: string): boolean => {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const child of next.get(id) ?? []) stack.push(child);
    }
    return false;
  };
  const kept: [string, string][] = [];
  for (const [before, after] of edges) {
    if (before === after || next.get(before)?.has(after)) continue;
    if (reaches(after, before)) continue;
    if (longest(before, previous, new Map()) + longest(after, next, new Map()) > maxChain) continue;
    next.get(before)?.add(after);
    previous.get(after)?.add(before);
    kept.push([before, after]);
  }
  return kept;
}

/** Unknown prerequisites and cycles are refused, naming the courses (a cycle as `A → B → A`). */
export function assertAcyclic(nodes: readonly PrerequisiteNode[], source = 'courses'): void {
  const ids = new Set(nodes.map((node) => node.id));
  nodes.forEach((node, index) => {
    for (const before of node.prerequisites) {
      if (!ids.has(before)) {
        throw new DomainError('VALIDATION_FAILED', `course ${node.id} requires ${before}, which is not in ${source}`, {
          field: `${source}[${index}].prerequisites`,
        });
      }
    }
  });
  const cycle = findCycle(nodes);
  if (cycle) {
    throw new DomainError('VALIDATION_FAILED', `prerequisites form a cycle: ${cycle.join(' → ')}`, {
      field: 'prerequisites',
      cycle,
    });
  }
}

/** A cycle of prerequisites (first course repeated at the end), or null. */
export function findCycle(nodes: readonly PrerequisiteNode[]): string[] | null {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    path.push(id);
    for (const before of byId.get(id)?.prerequisites ?? []) {
      if (!byId.has(before)) continue;
      const seen = state.get(before);
      if (seen === 'open') return [...path.slice(path.indexOf(before)), before].reverse();
      if (seen === undefined) {
        const found = visit(before);
        if (found) return found;
      }
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const node of nodes) {
    if (state.has(node.id)) continue;
    const found = visit(node.id);
    if (found) return found;
  }
  return null;
}

/**
 * For each course, the number of courses in the longest prerequisite chain ending with it (`depth`, 1 for a
 * course without prerequisites) and starting with it (`height`). Needs an acyclic graph.
 */
export function chainLengths(nodes: readonly PrerequisiteNode[]): {
  depth: Map<string, number>;
  height: Map<string, number>;
} {
  const order = topologicalOrder(nodes);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const depth = new Map<string, number>();
  const height = new Map<string, number>(order.map((id) => [id, 1]));
  for (const id of order) {
    const before = (byId.get(id)?.prerequisites ?? []).filter((p) => byId.has(p));
    depth.set(id, 1 + Math.max(0, ...before.map((p) => depth.get(p) ?? 0)));
  }
  for (const id of [...order].reverse()) {
    for (const before of byId.get(id)?.prerequisites ?? []) {
      if (byId.has(before)) height.set(before, Math.max(height.get(before) ?? 1, 1 + (height.get(id) ?? 1)));
    }
  }
  return { depth, height };
}

/** The longest prerequisite chain, first course first. */
export function longestChain(nodes: readonly PrerequisiteNode[]): string[] {
  const { depth } = chainLengths(nodes);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  let end: string | undefined;
  for (const [id, d] of depth) if (end === undefined || d > (depth.get(end) ?? 0)) end = id;
  const chain: string[] = [];
  while (end !== undefined) {
    chain.unshift(end);
    const before: string[] = (byId.get(end)?.prerequisites ?? []).filter((p) => byId.has(p));
    end = before.sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0))[0];
  }
  return chain;
}

/** Prerequisites first; ties keep the input order (Kahn's algorithm). */
export function topologicalOrder(nodes: readonly PrerequisiteNode[]): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const waiting = new Map<string, number>();
  const after = new Map<string, string[]>();
  for (const node of nodes) {
    const before = node.prerequisites.filter((p) => byId.has(p));
    waiting.set(node.id, new Set(before).size);
    for (const p of new Set(before)) after.set(p, [...(after.get(p) ?? []), node.id]);
  }
  const position = new Map(nodes.map((node, index) => [node.id, index]));
  const ready = nodes.filter((node) => waiting.get(node.id) === 0).map((node) => node.id);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift()!;
    order.push(id);
    for (const next of after.get(id) ?? []) {
      const left = (waiting.get(next) ?? 0) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length !== nodes.length) throw new Error('topologicalOrder needs an acyclic graph');
  return order;
}

/** What a prerequisite rule needs to know of a course: its knowledge area and level within it. */
export interface AreaLevel {
  area?: string | undefined;
  level?: number | undefined;
}

/**
 * Knowledge flows from `before` to `after` only inside one knowledge area, from a lower level to a higher one,
 * and never between a professional-quality (职业素养) course and a technical one — the quality area is its own
 * area, so a rule on areas keeps both apart.
 */
export function isKnowledgeFlow(before: AreaLevel, after: AreaLevel): boolean {
  return before.area !== undefined && before.area === after.area && (before.level ?? 1) < (after.level ?? 1);
}
