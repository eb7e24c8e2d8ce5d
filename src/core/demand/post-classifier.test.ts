import { describe, expect, it } from 'vitest';
import type { Post, PostRequirement } from '../taxonomy/taxonomy-bundle.js';
import { buildPostClassifier, classifyPosting } from './post-classifier.js';

function post(id: string, titleZh: string, titleEn: string, aliasesZh: string[] = []): Post {
  return {
    id,
    titleZh,
    titleEn,
    aliasesZh,
    aliasesEn: [],
    category: 'ITO',
    subSectorZh: '',
    subSectorEn: '',
    descriptionZh: '',
    descriptionEn: '',
    scenes: [],
    references: { escoOccupations: [], isco: [], onetSoc: [], cn2022: [] },
  };
}
const requirement = (postId: string, competencyId: string, essential = true, weight = 1): PostRequirement => ({
  postId,
  competencyId,
  essential,
  weight,
  level: 3,
});

const posts = [
  post('tester', '软件测试工程师', 'Software tester', ['测试工程师']),
  post('ops', '运维工程师', 'Operations engineer'),
];
const requirements = [
  requirement('tester', 'automated-testing'),
  requirement('tester', 'test-design'),
  requirement('tester', 'teamwork', false, 0.5),
  requirement('ops', 'linux'),
  requirement('ops', 'monitoring'),
  requirement('ops', 'teamwork', false, 0.5),
];
const classifier = buildPostClassifier(posts, requirements, (id) => `zerodock:${id}`);

describe('classifyPosting', () => {
  it('picks the post whose distinctive competencies the posting mentions', () => {
    const result = classifyPosting(classifier, 'Engineer', [
      { key: 'zerodock:automated-testing', score: 1 },
      { key: 'zerodock:test-design', score: 0.8 },
      { key: 'zerodock:teamwork', score: 1 },
    ]);
    expect(result?.postId).toBe('tester');
    expect(result?.decidedBy[0]).toBe('zerodock:automated-testing');
    expect(result?.titleMatched).toBe(false);
    expect(result!.confidence).toBeGreaterThan(0.5);
  });

  it('uses the title, and answers nothing when nothing fits', () => {
    expect(classifyPosting(classifier, '招聘：高级运维工程师（Linux）', [])?.postId).toBe('ops');
    expect(classifyPosting(classifier, '前台接待', [{ key: 'zerodock:teamwork', score: 1 }])).toBeNull();
    expect(classifyPosting(classifier, '', [])).toBeNull();
    expect(
      classifyPosting(
        buildPostClassifier([], [], (id) => id),
        'x',
        [],
      ),
    ).toBeNull();
  });
});
