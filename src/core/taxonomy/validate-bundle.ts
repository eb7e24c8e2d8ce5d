import type { TaxonomyBundle } from './taxonomy-bundle.js';

export interface BundleIssue {
  /** What kind of record is at fault. */
  entity: 'competency' | 'relation' | 'occupation' | 'occupationLink' | 'post' | 'requirement' | 'specialty' | 'level';
  /** The record's id (or `from→to`). */
  ref: string;
  field: string;
  reason: string;
}

/**
 * Referential integrity of a bundle before it is saved: unique ids, no dangling references, an acyclic
 * broader hierarchy. Importers check their own files first (to name the line); this is the last gate.
 * Returns at most `limit` issues.
 */
export function validateBundle(bundle: TaxonomyBundle, limit = 50): BundleIssue[] {
  const issues: BundleIssue[] = [];
  const add = (issue: BundleIssue) => {
    if (issues.length < limit) issues.push(issue);
  };

  const levels = new Set<number>();
  for (const level of bundle.levels) {
    if (levels.has(level.level))
      add({ entity: 'level', ref: String(level.level), field: 'level', reason: 'duplicate level' });
    levels.add(level.level);
  }

  const competencies = new Set<string>();
  for (const competency of bundle.competencies) {
    if (competencies.has(competency.id))
      add({ entity: 'competency', ref: competency.id, field: 'id', reason: 'duplicate id' });
    competencies.add(competency.id);
    if (!competency.labelZh && !competency.labelEn) {
      add({
        entity: 'competency',
        ref: competency.id,
        field: 'label',
        reason: 'has neither a Chinese nor an English label',
      });
    }
  }

  const broader = new Map<string, string[]>();
  for (const relation of bundle.relations) {
    const ref = `${relation.fromId}→${relation.toId}`;
    if (!competencies.has(relation.fromId))
      add({ entity: 'relation', ref, field: 'from', reason: `unknown competency ${relation.fromId}` });
    if (!competencies.has(relation.toId))
      add({ entity: 'relation', ref, field: 'to', reason: `unknown competency ${relation.toId}` });
    if (relation.fromId === relation.toId)
      add({ entity: 'relation', ref, field: 'to', reason: 'relates a competency to itself' });
    if (relation.kind === 'broader') {
      const list = broader.get(relation.fromId);
      if (list) list.push(relation.toId);
      else broader.set(relation.fromId, [relation.toId]);
    }
  }
  const cycle = findCycle(broader);
  if (cycle)
    add({ entity: 'relation', ref: cycle.join('→'), field: 'broader', reason: 'the broader hierarchy has a cycle' });

  const occupations = new Set<string>();
  for (const occupation of bundle.occupations) {
    if (occupations.has(occupation.id))
      add({ entity: 'occupation', ref: occupation.id, field: 'id', reason: 'duplicate id' });
    occupations.add(occupation.id);
  }
  for (const occupation of bundle.occupations) {
    if (occupation.broaderId !== null && !occupations.has(occupation.broaderId)) {
      add({
        entity: 'occupation',
        ref: occupation.id,
        field: 'broaderId',
        reason: `unknown occupation ${occupation.broaderId}`,
      });
    }
  }
  const links = new Set<string>();
  for (const link of bundle.occupationLinks) {
    const ref = `${link.occupationId}→${link.competencyId}`;
    if (!occupations.has(link.occupationId))
      add({ entity: 'occupationLink', ref, field: 'occupation', reason: `unknown occupation ${link.occupationId}` });
    if (!competencies.has(link.competencyId))
      add({ entity: 'occupationLink', ref, field: 'competency', reason: `unknown competency ${link.competencyId}` });
    if (links.has(ref)) add({ entity: 'occupationLink', ref, field: 'competency', reason: 'duplicate link' });
    links.add(ref);
  }

  const posts = new Set<string>();
  for (const post of bundle.posts) {
    if (posts.has(post.id)) add({ entity: 'post', ref: post.id, field: 'id', reason: 'duplicate id' });
    posts.add(post.id);
  }
  const requirements = new Set<string>();
  for (const requirement of bundle.requirements) {
    const ref = `${requirement.postId}→${requirement.competencyId}`;
    if (!posts.has(requirement.postId))
      add({ entity: 'requirement', ref, field: 'post', reason: `unknown post ${requirement.postId}` });
    if (!competencies.has(requirement.competencyId))
      add({
        entity: 'requirement',
        ref,
        field: 'competency',
        reason: `unknown competency ${requirement.competencyId}`,
      });
    if (requirements.has(ref))
      add({ entity: 'requirement', ref, field: 'competency', reason: 'listed twice for this post' });
    requirements.add(ref);
    if (!(requirement.weight >= 0 && requirement.weight <= 1))
      add({ entity: 'requirement', ref, field: 'weight', reason: 'must be between 0 and 1' });
    if (levels.size > 0 && !levels.has(requirement.level))
      add({
        entity: 'requirement',
        ref,
        field: 'level',
        reason: `level ${requirement.level} is not on the proficiency scale`,
      });
  }

  const specialties = new Set<string>();
  for (const specialty of bundle.specialties) {
    const key = `${specialty.educationLevel}:${specialty.code}`;
    if (specialties.has(key)) add({ entity: 'specialty', ref: key, field: 'code', reason: 'duplicate code' });
    specialties.add(key);
  }
  for (const specialty of bundle.specialties) {
    if (specialty.parentCode !== null && !specialties.has(`${specialty.educationLevel}:${specialty.parentCode}`)) {
      add({
        entity: 'specialty',
        ref: specialty.code,
        field: 'parentCode',
        reason: `unknown parent ${specialty.parentCode}`,
      });
    }
  }
  return issues;
}

/** A cycle in a directed graph given as adjacency lists, or null. Iterative DFS (ESCO is deep enough to matter). */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = edges.get(top.node) ?? [];
      if (top.next >= targets.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const target = targets[top.next++]!;
      const seen = state.get(target);
      if (seen === 1) {
        const from = stack.findIndex((frame) => frame.node === target);
        return [...stack.slice(from).map((frame) => frame.node), target];
      }
      if (seen === undefined) {
        state.set(target, 1);
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return null;
}
