import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Frequency given to our terms in jieba's dictionary. jieba picks the segmentation with the highest product of
 * word frequencies; 10 000 keeps a three-or-more-character term whole against its usual splits (测试用例设计 is
 * otherwise 测试用例 + 设计) without carving it out of the longer everyday words that contain it.
 */
const USER_WORD_FREQUENCY = 10_000;
const HAN = /\p{Script=Han}/u;

/**
 * A Chinese word segmenter for the exact-mention scanner (`findMentions`' `segmentZh`): jieba (`@node-rs/jieba`,
 * a prebuilt native binary) with its default dictionary plus `extraWords` (our Chinese competency terms) as user
 * words, so jieba keeps them whole. Terms of one or two characters are not added: jieba already knows nearly all
 * of them, and raising their frequency would split them out of longer words (测试 out of 测试仪), which is
 * exactly what the boundary check is there to prevent. Words with white space cannot be user words and are
 * skipped. HMM discovery of unknown words is off, so the result depends only on the dictionaries.
 *
 * The returned function gives the segments in order; they concatenate to the input.
 */
export function createZhSegmenter(extraWords: readonly string[]): (text: string) => string[] {
  const jieba = Jieba.withDict(dict);
  const lines = [...new Set(extraWords.map((word) => word.trim()).filter((word) => word.length >= 3 && HAN.test(word)))]
    .filter((word) => !/\s/u.test(word))
    .map((word) => `${word} ${USER_WORD_FREQUENCY} n`);
  if (lines.length > 0) jieba.loadDict(Buffer.from(lines.join('\n') + '\n', 'utf8'));
  return (text: string) => (text.length === 0 ? [] : jieba.cut(text, false));
}
