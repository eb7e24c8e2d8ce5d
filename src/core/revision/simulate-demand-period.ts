import { DemandTally } from './demand-tally.js';

/** One post's postings in a simulated period: how many, and the probability each competency is asked for. */
export interface SimulatedPost {
  readonly post: string;
  readonly postings: number;
  readonly shares: ReadonlyMap<string, number>;
}

/**
 * A period of postings drawn at random (each competency asked for independently with its share), tallied: the
 * ground truth the revision's statistics are measured against (known shifts, and two periods from one
 * distribution). `random` must be seeded by the caller (e.g. `seededRandom`) so a run can be repeated.
 */
export function simulateDemandPeriod(posts: readonly SimulatedPost[], random: () => number): DemandTally {
  const tally = new DemandTally();
  for (const spec of posts) {
    const entries = [...spec.shares];
    for (let index = 0; index < spec.postings; index += 1) {
      const asked: string[] = [];
      for (const [competency, share] of entries) if (random() < share) asked.push(competency);
      tally.add(spec.post, asked);
    }
  }
  return tally;
}
