import type { Competency, Post, PostRequirement, TaxonomyBundle } from './taxonomy-bundle.js';

export const COMPETENCY_CHANGES = [
  'added',
  'removed',
  'relabelled',
  'redescribed',
  'retyped',
  'relinked',
  'reidentified',
] as const;
export type CompetencyChange = (typeof COMPETENCY_CHANGES)[number];

export interface CompetencyDiffItem {
  id: string;
  /** The id in the older version when it differs (renamed / merged / replacedBy). */
  previousId: string | null;
  changes: CompetencyChange[];
  labelZh: string | null;
  labelEn: string | null;
  before: { labelZh: string | null; labelEn: string | null } | null;
  /** Human-readable notes: which links were added or dropped. */
  notes: string[];
}

export interface RequirementChange {
  competencyId: string;
  before: Pick<PostRequirement, 'essential' | 'weight' | 'level'> | null;
  after: Pick<PostRequirement, 'essential' | 'weight' | 'level'> | null;
}

export interface PostDiffItem {
  id: string;
  change: 'added' | 'removed' | 'changed';
  titleZh: string;
  titleEn: string;
  retitled: boolean;
  requirements: RequirementChange[];
}

export interface FrameworkDiff {
  from: { key: string; label: string };
  to: { key: string; label: string };
  counts: Record<CompetencyChange, number> & {
    unchanged: number;
    postsAdded: number;
    postsRemoved: number;
    postsChanged: number;
    requirementsChanged: number;
    occupationLinksAdded: number;
    occupationLinksRemoved: number;
  };
  competencies: CompetencyDiffItem[];
  posts: PostDiffItem[];
}

function setDiff(a: ReadonlySet<string>, b: ReadonlySet<string>): { added: string[]; removed: string[] } {
  return { added: [...b].filter((x) => !a.has(x)).sort(), removed: [...a].filter((x) => !b.has(x)).sort() };
}

function linksOf(
  bundle: TaxonomyBundle,
): Map<string, { broader: Set<string>; related: Set<string>; occupations: Set<string> }> {
  const out = new Map<string, { broader: Set<string>; related: Set<string>; occupations: Set<string> }>();
  const get = (id: string) => {
    let entry = out.get(id);
    if (!entry) {
      entry = { broader: new Set(), related: new Set(), occupations: new Set() };
      out.set(id, entry);
    }
    return entry;
  };
  for (const relation of bundle.relations) {
    if (relation.kind === 'broader') get(relation.fromId).broader.add(relation.toId);
    else {
      get(relation.fromId).related.add(relation.toId);
      get(relation.toId).related.add(relation.fromId);
    }
  }
  for (const link of bundle.occupationLinks)
    get(link.competencyId).occupations.add(`${link.occupationId}:${link.relation}`);
  return out;
}

/**
 * What changed from version `a` to version `b`: competencies added, removed, relabelled, redescribed, retyped,
 * re-linked (hierarchy, related, occupation links or external ids) and re-identified (matched through
 * `previousIds` or a shared ESCO URI / CASE GUID); posts added, removed and changed with their requirement
 * changes. Readable by a curriculum committee: every item says what, with before/after labels.
 */
export function diffBundles(a: TaxonomyBundle, b: TaxonomyBundle): FrameworkDiff {
  const oldById = new Map(a.competencies.map((competency) => [competency.id, competency]));
  const byExternal = new Map<string, Competency>();
  for (const competency of a.competencies) {
    if (competency.caseGuid) byExternal.set(`case:${competency.caseGuid}`, competency);
    if (competency.escoUri && a.framework.key !== 'esco') byExternal.set(`esco:${competency.escoUri}`, competency);
  }
  const matched = new Map<string, Competency>(); // new id → old competency
  const used = new Set<string>();
  for (const competency of b.competencies) {
    let old = oldById.get(competency.id);
    if (!old) {
      for (const previous of competency.previousIds) {
        const candidate = oldById.get(previous);
        if (candidate && !b.competencies.some((other) => other.id === previous)) {
          old = candidate;
          break;
        }
      }
    }
    if (!old && competency.caseGuid) old = byExternal.get(`case:${competency.caseGuid}`);
    if (!old && competency.escoUri && b.framework.key !== 'esco') {
      const candidate = byExternal.get(`esco:${competency.escoUri}`);
      if (candidate && !b.competencies.some((other) => other.id === candidate.id)) old = candidate;
    }
    if (old && !used.has(old.id)) {
      matched.set(competency.id, old);
      used.add(old.id);
    }
  }
  // Ids in the old version translated to the new version's ids, to compare links across renames.
  const translate = new Map<string, string>();
  for (const [newId, old] of matched) translate.set(old.id, newId);
  const oldLinks = linksOf(a);
  const newLinks = linksOf(b);
  const tr = (ids: Set<string> | undefined) => new Set([...(ids ?? [])].map((id) => translate.get(id) ?? id));

  const counts: FrameworkDiff['counts'] = {
    added: 0,
    removed: 0,
    relabelled: 0,
    redescribed: 0,
    retyped: 0,
    relinked: 0,
    reidentified: 0,
    unchanged: 0,
    postsAdded: 0,
    postsRemoved: 0,
    postsChanged: 0,
    requirementsChanged: 0,
    occupationLinksAdded: 0,
    occupationLinksRemoved: 0,
  };
  const items: CompetencyDiffItem[] = [];
  for (const competency of b.competencies) {
    const old = matched.get(competency.id);
    if (!old) {
      counts.added++;
      items.push({
        id: competency.id,
        previousId: null,
        changes: ['added'],
        labelZh: competency.labelZh,
        labelEn: competency.labelEn,
        before: null,
        notes: [],
      });
      continue;
    }
    const changes: CompetencyChange[] = [];
    const notes: string[] = [];
    if (old.id !== competency.id) changes.push('reidentified');
    if (old.labelZh !== competency.labelZh || old.labelEn !== competency.labelEn) changes.push('relabelled');
    if (old.descriptionZh !== competency.descriptionZh || old.descriptionEn !== competency.descriptionEn)
      changes.push('redescribed');
    if (old.type !== competency.type || old.dimension !== competency.dimension) changes.push('retyped');
    const before = oldLinks.get(old.id);
    const after = newLinks.get(competency.id);
    const broader = setDiff(tr(before?.broader), after?.broader ?? new Set());
    const related = setDiff(tr(before?.related), after?.related ?? new Set());
    const occupations = setDiff(before?.occupations ?? new Set(), after?.occupations ?? new Set());
    counts.occupationLinksAdded += occupations.added.length;
    counts.occupationLinksRemoved += occupations.removed.length;
    if (broader.added.length) notes.push(`broader +${broader.added.join(', +')}`);
    if (broader.removed.length) notes.push(`broader −${broader.removed.join(', −')}`);
    if (related.added.length + related.removed.length)
      notes.push(`related +${related.added.length} −${related.removed.length}`);
    if (occupations.added.length + occupations.removed.length) {
      notes.push(`occupation links +${occupations.added.length} −${occupations.removed.length}`);
    }
    if (old.escoUri !== competency.escoUri) notes.push(`ESCO ${old.escoUri ?? '∅'} → ${competency.escoUri ?? '∅'}`);
    if (notes.length > 0) changes.push('relinked');
    for (const change of changes) counts[change]++;
    if (changes.length === 0) {
      counts.unchanged++;
      continue;
    }
    items.push({
      id: competency.id,
      previousId: old.id === competency.id ? null : old.id,
      changes,
      labelZh: competency.labelZh,
      labelEn: competency.labelEn,
      before: { labelZh: old.labelZh, labelEn: old.labelEn },
      notes,
    });
  }
  for (const old of a.competencies) {
    if (used.has(old.id)) continue;
    counts.removed++;
    items.push({
      id: old.id,
      previousId: null,
      changes: ['removed'],
      labelZh: old.labelZh,
      labelEn: old.labelEn,
      before: null,
      notes: [],
    });
  }
  items.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const posts = diffPosts(a, b, translate);
  for (const post of posts) {
    if (post.change === 'added') counts.postsAdded++;
    else if (post.change === 'removed') counts.postsRemoved++;
    else counts.postsChanged++;
    counts.requirementsChanged += post.requirements.length;
  }
  return {
    from: { key: a.framework.key, label: a.framework.label },
    to: { key: b.framework.key, label: b.framework.label },
    counts,
    competencies: items,
    posts,
  };
}

function diffPosts(a: TaxonomyBundle, b: TaxonomyBundle, translate: ReadonlyMap<string, string>): PostDiffItem[] {
  const requirementsOf = (bundle: TaxonomyBundle, map: (id: string) => string) => {
    const out = new Map<string, Map<string, PostRequirement>>();
    for (const requirement of bundle.requirements) {
      let post = out.get(requirement.postId);
      if (!post) {
        post = new Map<string, PostRequirement>();
        out.set(requirement.postId, post);
      }
      post.set(map(requirement.competencyId), requirement);
    }
    return out;
  };
  const oldRequirements = requirementsOf(a, (id) => translate.get(id) ?? id);
  const newRequirements = requirementsOf(b, (id) => id);
  const oldPosts = new Map<string, Post>(a.posts.map((post) => [post.id, post]));
  const newIds = new Set(b.posts.map((post) => post.id));
  const out: PostDiffItem[] = [];
  const pick = (requirement: PostRequirement | undefined) =>
    requirement ? { essential: requirement.essential, weight: requirement.weight, level: requirement.level } : null;
  for (const post of b.posts) {
    const old = oldPosts.get(post.id);
    const before = oldRequirements.get(post.id) ?? new Map<string, PostRequirement>();
    const after = newRequirements.get(post.id) ?? new Map<string, PostRequirement>();
    const requirements: RequirementChange[] = [];
    for (const competencyId of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const x = pick(before.get(competencyId));
      const y = pick(after.get(competencyId));
      if (x && y && x.essential === y.essential && x.weight === y.weight && x.level === y.level) continue;
      requirements.push({ competencyId, before: x, after: y });
    }
    const retitled = !!old && (old.titleZh !== post.titleZh || old.titleEn !== post.titleEn);
    if (!old)
      out.push({
        id: post.id,
        change: 'added',
        titleZh: post.titleZh,
        titleEn: post.titleEn,
        retitled: false,
        requirements,
      });
    else if (retitled || requirements.length > 0) {
      out.push({
        id: post.id,
        change: 'changed',
        titleZh: post.titleZh,
        titleEn: post.titleEn,
        retitled,
        requirements,
      });
    }
  }
  for (const post of a.posts) {
    if (newIds.has(post.id)) continue;
    const requirements = [...(oldRequirements.get(post.id)?.entries() ?? [])].map(([competencyId, requirement]) => ({
      competencyId,
      before: pick(requirement),
      after: null,
    }));
    out.push({
      id: post.id,
      change: 'removed',
      titleZh: post.titleZh,
      titleEn: post.titleEn,
      retitled: false,
      requirements,
    });
  }
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * Carries id history into a newly imported version: a competency whose id is new but whose ESCO URI, CASE GUID
 * or O*NET element id belonged to a different id in the previous version gets that id in `previousIds`.
 */
export function carryIdHistory(previous: TaxonomyBundle, next: TaxonomyBundle): number {
  const nextIds = new Set(next.competencies.map((competency) => competency.id));
  const byKey = new Map<string, string>();
  for (const competency of previous.competencies) {
    for (const key of externalKeys(competency)) byKey.set(key, competency.id);
  }
  let carried = 0;
  for (const competency of next.competencies) {
    for (const key of externalKeys(competency)) {
      const oldId = byKey.get(key);
      if (oldId && oldId !== competency.id && !nextIds.has(oldId) && !competency.previousIds.includes(oldId)) {
        competency.previousIds = [...competency.previousIds, oldId];
        carried++;
      }
    }
  }
  return carried;
}

function externalKeys(competency: Competency): string[] {
  const keys: string[] = [];
  if (competency.escoUri) keys.push(`esco:${competency.escoUri}`);
  if (competency.caseGuid) keys.push(`case:${competency.caseGuid}`);
  if (competency.onetElementId) keys.push(`onet:${competency.onetElementId}`);
  return keys;
}
