import { describe, expect, it } from 'vitest';
import { suggestSpecialtyPosts, type PostToSuggest } from './suggest-specialty-posts.js';

const post = (id: string, titleZh: string, extra: Partial<PostToSuggest> = {}): PostToSuggest => ({
  id,
  titleZh,
  titleEn: id,
  aliasesZh: [],
  subSectorZh: '',
  sceneTexts: [],
  cn2022: [],
  ...extra,
});

const POSTS: PostToSuggest[] = [
  post('testing', '工业软件测试工程师', { aliasesZh: ['软件测试员'], cn2022: ['4-04-05'] }),
  post('mobile', '移动应用开发工程师', { subSectorZh: '软件开发', cn2022: ['2-02-10'] }),
  post('network', '网络运维工程师', { sceneTexts: ['计算机网络设备巡检与故障处理'], cn2022: ['4-04-04'] }),
  post('hr', '人力资源专员', { cn2022: ['4-07-03'] }),
];

describe('suggestSpecialtyPosts', () => {
  it('ranks the post named like the specialty first and says why in both languages', () => {
    const [first] = suggestSpecialtyPosts({ nameZh: '移动应用开发', className: '计算机类', servedPosts: [] }, POSTS);
    expect(first!.postId).toBe('mobile');
    expect(first!.reasonZh).toContain('移动应用开发工程师');
    expect(first!.reasonEn).toMatch(/^The name is close to the post title/u);
    expect(first!.score).toBeGreaterThan(0.3);
    expect(first!.score).toBeLessThanOrEqual(1);
  });

  it('reads the direction in brackets: 软件技术（软件测试方向） finds the testing post through its alias', () => {
    const ranked = suggestSpecialtyPosts(
      { nameZh: '软件技术（软件测试方向）', className: null, servedPosts: [] },
      POSTS,
    );
    expect(ranked[0]!.postId).toBe('testing');
  });

  it('uses the job scenes and the occupation group of posts already served', () => {
    const ranked = suggestSpecialtyPosts(
      { nameZh: '计算机网络技术', className: null, servedPosts: ['testing'] },
      POSTS,
    );
    const network = ranked.find((suggestion) => suggestion.postId === 'network')!;
    expect(network.reasonZh).toContain('岗位工作场景');
    // network (4-04-04) shares the middle group 4-04 with the served testing post (4-04-05).
    expect(network.reasonZh).toContain('4-04');
    expect(ranked.find((suggestion) => suggestion.postId === 'testing')?.reasonZh ?? '').not.toContain('中类');
  });

  it('leaves out posts with no signal and honours the limit', () => {
    const ranked = suggestSpecialtyPosts({ nameZh: '移动应用开发', className: null, servedPosts: [] }, POSTS, 1);
    expect(ranked).toHaveLength(1);
    const none = suggestSpecialtyPosts({ nameZh: '护理', className: null, servedPosts: [] }, POSTS);
    expect(none).toEqual([]);
  });
});
