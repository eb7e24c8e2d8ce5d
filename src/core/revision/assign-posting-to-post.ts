import type { RevisionPost } from './derive-revision-proposals.js';

export interface NamedRevisionPost extends RevisionPost {
  /** The post's names (any language): a posting whose title contains one is that post's. */
  readonly names: readonly string[];
}

export interface PostAssigner {
  /** The post a posting belongs to, or null when neither its title nor its competencies point to one. */
  assign(title: string, competencies: readonly string[]): string | null;
}

/**
 * Assigns a posting to one of the group's posts when the posting file does not say: a post whose name the title
 * contains (the longest such name wins); otherwise the post whose requirements the posting's competencies cover
 * best (weighted overlap, normalised by the post's requirement norm so a post with many requirements is not
 * favoured); none when nothing overlaps. Ties go to the post listed first.
 */
export function buildPostAssigner(posts: readonly NamedRevisionPost[]): PostAssigner {
  const names = posts
    .flatMap((post) => post.names.map((name) => ({ post: post.id, name: name.trim().toLowerCase() })))
    .filter((entry) => entry.name.length >= 2)
    .sort((a, b) => b.name.length - a.name.length);
  const weights = posts.map((post) => ({
    id: post.id,
    weights: new Map(post.competencies.map((c) => [c.id, c.weight])),
    norm: Math.sqrt(post.competencies.reduce((sum, c) => sum + c.weight * c.weight, 0)) || 1,
  }));
  return {
    assign(title, competencies) {
      const lower = title.toLowerCase();
      const named = names.find((entry) => lower.includes(entry.name));
      if (named) return named.post;
      const unique = new Set(competencies);
      let best: string | null = null;
      let bestScore = 0;
      for (const post of weights) {
        let score = 0;
        for (const competency of unique) score += post.weights.get(competency) ?? 0;
        score /= post.norm;
        if (score > bestScore) {
          bestScore = score;
          best = post.id;
        }
      }
      return best;
    },
  };
}
