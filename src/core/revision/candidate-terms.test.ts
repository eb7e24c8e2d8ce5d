import { describe, expect, it } from 'vitest';
import { candidateTermsOf } from './candidate-terms.js';

function run(
  text: string,
  segments: string[],
  covered: [number, number][] = [],
  demand: [number, number] = [0, text.length],
) {
  const mask = new Uint8Array(text.length);
  mask.fill(1, demand[0], demand[1]);
  const cover = new Uint8Array(text.length);
  for (const [start, end] of covered) cover.fill(1, start, end);
  return candidateTermsOf(text, segments, mask, cover).map((term) => term.text);
}

describe('candidateTermsOf', () => {
  it('keeps technical tokens and longer Chinese words of the demand text that no link covers', () => {
    const text = '熟悉Playwright和低代码平台，了解 Kubernetes';
    const segments = ['熟悉', 'Playwright', '和', '低代码平台', '，', '了解', ' ', 'Kubernetes'];
    expect(run(text, segments)).toEqual(['Playwright', '低代码平台', 'Kubernetes']);
    // Kubernetes is already linked: not a candidate
    const at = text.indexOf('Kubernetes');
    expect(run(text, segments, [[at, at + 10]])).toEqual(['Playwright', '低代码平台']);
  });

  it('ignores stop words, numbers, short Chinese words and text outside duties and requirements', () => {
    const text = 'and 3D 熟悉 experience Java';
    const segments = ['and', ' ', '3D', ' ', '熟悉', ' ', 'experience', ' ', 'Java'];
    expect(run(text, segments)).toEqual(['Java']);
    expect(run(text, segments, [], [0, 10])).toEqual([]);
  });

  it('counts a term once per posting and refuses segments that do not cover the text', () => {
    expect(run('Go Go', ['Go', ' ', 'Go'])).toEqual(['Go']);
    expect(() => run('abc', ['ab'])).toThrow(RangeError);
  });
});
