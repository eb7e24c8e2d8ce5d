/**
 * The college's specialties into the post groups, and the leading specialty of each group. A specialty serves
 * posts (a mapping the college edits); it joins the group holding most of them. Its lead score is the mean of
 * its strength (enrolment, employment rate and employer rating, each scaled min–max among the group's
 * specialties; indicators the college did not enter are left out) and its centrality in the group's knowledge
 * graph: how close, on average, a post of the group is to the nearest post the specialty serves.
 */

export interface SpecialtyStrength {
  enrolment: number | null;
  /** 0–1. */
  employmentRate: number | null;
  /** Any scale, e.g. 0–5; compared only within a group. */
  employerRating: number | null;
}

export interface SpecialtyToPlace {
  code: string;
  name: string;
  /** Ids of the posts it serves. */
  posts: string[];
  strength: SpecialtyStrength;
}

export interface SpecialtyPlacement {
  code: string;
  name: string;
  groupIndex: number;
  /** Posts it serves inside its group / all posts it serves that were grouped. */
  postsInGroup: number;
  postsServed: number;
  /** 0–1, or null when the college entered no indicator for any specialty of the group. */
  strength: number | null;
  /** 0–1. */
  centrality: number;
  /** 0–1: the mean of strength and centrality (centrality alone when strength is null). */
  leadScore: number;
  leading: boolean;
}

export interface SpecialtyPlan {
  /** Per group index: its specialties, leading first, then by lead score. */
  groups: SpecialtyPlacement[][];
  /** Codes of specialties that serve none of the grouped posts. */
  unplaced: string[];
}

export function placeSpecialties(
  postIds: readonly string[],
  labels: Int32Array,
  k: number,
  similarity: Float32Array,
  specialties: readonly SpecialtyToPlace[],
): SpecialtyPlan {
  const n = postIds.length;
  const indexOf = new Map(postIds.map((id, index) => [id, index]));
  const membersOf: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) membersOf[labels[i]!]!.push(i);
  const placed: Array<Omit<SpecialtyPlacement, 'strength' | 'leadScore' | 'leading'> & { raw: SpecialtyStrength }> = [];
  const unplaced: string[] = [];
  for (const specialty of specialties) {
    const served = [...new Set(specialty.posts)]
      .map((id) => indexOf.get(id))
      .filter((i): i is number => i !== undefined);
    if (served.length === 0) {
      unplaced.push(specialty.code);
      continue;
    }
    const counts = new Int32Array(k);
    for (const i of served) counts[labels[i]!]!++;
    let groupIndex = 0;
    for (let group = 1; group < k; group++) if (counts[group]! > counts[groupIndex]!) groupIndex = group;
    const inGroup = served.filter((i) => labels[i] === groupIndex);
    const members = membersOf[groupIndex]!;
    let closeness = 0;
    for (const q of members) {
      let best = 0;
      for (const p of inGroup) best = Math.max(best, p === q ? 1 : similarity[p * n + q]!);
      closeness += best;
    }
    placed.push({
      code: specialty.code,
      name: specialty.name,
      groupIndex,
      postsInGroup: inGroup.length,
      postsServed: served.length,
      centrality: closeness / members.length,
      raw: specialty.strength,
    });
  }
  const groups: SpecialtyPlacement[][] = Array.from({ length: k }, () => []);
  for (let group = 0; group < k; group++) {
    const inGroup = placed.filter((entry) => entry.groupIndex === group);
    const scaled = (pick: (strength: SpecialtyStrength) => number | null) => {
      const values = inGroup.map((entry) => pick(entry.raw));
      const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
      const min = Math.min(...known);
      const max = Math.max(...known);
      return values.map((value) =>
        value === null || !Number.isFinite(value) ? null : max > min ? (value - min) / (max - min) : 1,
      );
    };
    const columns = [scaled((s) => s.enrolment), scaled((s) => s.employmentRate), scaled((s) => s.employerRating)];
    const entries = inGroup.map((entry, index) => {
      const known = columns.map((column) => column[index]!).filter((value): value is number => value !== null);
      const strength = known.length > 0 ? known.reduce((sum, value) => sum + value, 0) / known.length : null;
      const leadScore = strength === null ? entry.centrality : (strength + entry.centrality) / 2;
      const { raw: _raw, ...rest } = entry;
      return { ...rest, strength, leadScore, leading: false };
    });
    entries.sort((a, b) => b.leadScore - a.leadScore || (a.code < b.code ? -1 : 1));
    if (entries[0]) entries[0].leading = true;
    groups[group] = entries;
  }
  return { groups, unplaced };
}
