import { describe, expect, it } from 'vitest';
import { seededRandom } from '../spans/seeded-random.js';
import { DemandTally } from './demand-tally.js';
import { deriveRevisionProposals, type RevisionCourse, type RevisionPost } from './derive-revision-proposals.js';
import { measureDemandChange } from './measure-demand-change.js';
import { simulateDemandPeriod, type SimulatedPost } from './simulate-demand-period.js';

const posts: RevisionPost[] = [
  {
    id: 'tester',
    competencies: [
      { id: 'test-design', weight: 1 },
      { id: 'defect-management', weight: 0.9 },
      { id: 'loadrunner', weight: 0.6 },
      { id: 'sql', weight: 0.4 },
    ],
  },
  {
    id: 'ops',
    competencies: [
      { id: 'linux', weight: 1 },
      { id: 'sql', weight: 0.6 },
      { id: 'itil', weight: 0.8 },
    ],
  },
];

const courses: RevisionCourse[] = [
  { id: 'c-sql', kind: 'platform', posts: [], competencies: ['sql'], semester: 1 },
  { id: 'c-test', kind: 'module', posts: ['tester'], competencies: ['test-design', 'defect-management'], semester: 3 },
  { id: 'c-perf', kind: 'module', posts: ['tester'], competencies: ['loadrunner'], semester: 4 },
  { id: 'c-linux', kind: 'module', posts: ['ops'], competencies: ['linux', 'itil'], semester: 3 },
];

function period(shares: Record<string, Record<string, number>>, postings: number, seed: number): DemandTally {
  const spec: SimulatedPost[] = Object.entries(shares).map(([post, values]) => ({
    post,
    postings,
    shares: new Map(Object.entries(values)),
  }));
  return simulateDemandPeriod(spec, seededRandom(seed));
}

const baseline = {
  tester: { 'test-design': 0.7, 'defect-management': 0.6, loadrunner: 0.4, sql: 0.3, selenium: 0.03 },
  ops: { linux: 0.8, sql: 0.4, itil: 0.5, kubernetes: 0.04 },
};

describe('the yearly revision on simulated demand', () => {
  it('finds (almost) nothing between two periods from one distribution', () => {
    let falseChanges = 0;
    let tested = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const report = measureDemandChange(period(baseline, 300, seed), period(baseline, 300, seed + 1000));
      falseChanges += report.changes.length + report.volume.length;
      tested += report.tested;
    }
    // BH at 5 % with every null true keeps the family-wise error near 5 %: a change in at most a few of 40 runs.
    expect(falseChanges).toBeLessThanOrEqual(4);
    expect(tested).toBeGreaterThan(40 * 10);
  });

  it('turns a rising untaught competency and a dropped requirement into proposals naming the post, competency and course', () => {
    const later = {
      tester: { ...baseline.tester, selenium: 0.45, loadrunner: 0.01 },
      ops: { ...baseline.ops, kubernetes: 0.5 },
    };
    const report = measureDemandChange(period(baseline, 300, 7), period(later, 300, 8));
    const proposals = deriveRevisionProposals(report, posts, courses);
    const kinds = proposals.map((p) => `${p.kind}:${p.post}:${p.course}:${p.competencies.join('+')}`);
    expect(kinds).toContain('new-requirement:tester:null:selenium');
    expect(kinds).toContain('new-requirement:ops:null:kubernetes');
    expect(kinds).toContain('new-course:tester:null:selenium');
    expect(kinds).toContain('requirement-dropped:tester:null:loadrunner');
    // the performance course taught only loadrunner, for testers only: retire it
    expect(kinds).toContain('course-retired:tester:c-perf:loadrunner');
    // ranks are 1..n, strongest first
    expect(proposals.map((p) => p.rank)).toEqual(proposals.map((_, index) => index + 1));
    for (let i = 1; i < proposals.length; i += 1)
      expect(proposals[i - 1]!.score).toBeGreaterThanOrEqual(proposals[i]!.score);
    const selenium = proposals.find((p) => p.kind === 'new-requirement' && p.competencies[0] === 'selenium')!;
    expect(selenium.evidence.changes[0]!.q).toBeLessThan(0.05);
    expect(selenium.evidence.suggestedWeight).toBeGreaterThan(0.3);
  });

  it('lowers a requirement asked for less, updates the shared course, and raises one asked for more', () => {
    const later = {
      tester: { ...baseline.tester, sql: 0.1, 'defect-management': 0.6 },
      ops: { ...baseline.ops, itil: 0.95 },
    };
    const before = period({ ...baseline, ops: { ...baseline.ops, itil: 0.2 } }, 400, 21);
    const report = measureDemandChange(before, period(later, 400, 22));
    const proposals = deriveRevisionProposals(report, posts, courses);
    const sql = proposals.find((p) => p.kind === 'weight-change' && p.competencies[0] === 'sql')!;
    expect(sql.action).toBe('lower');
    expect(sql.evidence.suggestedWeight).toBeLessThan(0.4);
    const update = proposals.find((p) => p.kind === 'course-content-update' && p.course === 'c-sql')!;
    expect(update.evidence.stillRequiredBy).toEqual(['tester', 'ops']);
    expect(update.impact.semesters).toEqual([1]);
    // itil rose from 0.2 to 0.95 of ops postings, already required at 0.8: raising it is at most a step of 0.2
    const itil = proposals.find((p) => p.competencies[0] === 'itil');
    if (itil) expect(itil.action).toBe('raise');
  });

  it('treats a post whose share of postings changes as an enrolment signal', () => {
    const before = new DemandTally();
    const after = new DemandTally();
    for (let i = 0; i < 200; i += 1) before.add('tester', ['test-design']);
    for (let i = 0; i < 200; i += 1) before.add('ops', ['linux']);
    for (let i = 0; i < 100; i += 1) after.add('tester', ['test-design']);
    for (let i = 0; i < 300; i += 1) after.add('ops', ['linux']);
    const proposals = deriveRevisionProposals(measureDemandChange(before, after), posts, courses);
    const signals = proposals.filter((p) => p.kind === 'enrolment-signal').map((p) => `${p.post}:${p.action}`);
    expect(signals.sort()).toEqual(['ops:grow', 'tester:shrink']);
  });

  it('does not call 2 % of 40 postings a trend', () => {
    const before = new DemandTally();
    const after = new DemandTally();
    for (let i = 0; i < 40; i += 1) before.add('tester', i === 0 ? ['selenium'] : []);
    for (let i = 0; i < 40; i += 1) after.add('tester', i < 3 ? ['selenium'] : []);
    expect(measureDemandChange(before, after).changes).toEqual([]);
  });

  it('calls no competency of the group falling when only its posts shrank (tested within posts)', () => {
    const before = new DemandTally();
    const after = new DemandTally();
    // ops asks for linux in 80 % of its postings in both years; ops shrinks from 300 to 60 postings, testers grow
    for (let i = 0; i < 300; i += 1) before.add('ops', i % 5 === 0 ? [] : ['linux']);
    for (let i = 0; i < 300; i += 1) before.add('tester', ['test-design']);
    for (let i = 0; i < 60; i += 1) after.add('ops', i % 5 === 0 ? [] : ['linux']);
    for (let i = 0; i < 540; i += 1) after.add('tester', ['test-design']);
    const report = measureDemandChange(before, after);
    expect(report.changes.filter((change) => change.post === null)).toEqual([]);
    // the raw share of linux fell from 40 % to 8 %: an unstratified test would have called it a change
    expect(report.volume.map((volume) => `${volume.post}:${volume.direction}`).sort()).toEqual([
      'ops:falling',
      'tester:rising',
    ]);
  });
});
