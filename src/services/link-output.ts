import { linkDemand } from '../core/demand/link-demand.js';
import type { LoadedLinker } from './linker-cache.js';

/** One competency in `zerodock link` output (the evaluation contract). */
export interface LinkOutputCompetency {
  id: string;
  esco: string | null;
  label: string;
  score: number;
  spans: [number, number][];
  /**
   * The linker's own decision: calibrated confidence above its threshold, justified by text that asks for something
   * (not benefits, pay, schedule, company, contact, degree subjects). Only linked entries count as demand.
   */
  linked: boolean;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;

/** True when at least a third of the letters are Chinese: labels are then given in Chinese. */
export function isMostlyChinese(text: string): boolean {
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk > 0 && cjk * 3 >= latin;
}

/**
 * Links a text for the CLI: best first, at most `top`, each with the linker's decision (`linked`); the label in the
 * text's language (ESCO's preferred label for English text when the competency is an ESCO concept).
 */
export function linkForOutput(
  loaded: LoadedLinker,
  text: string,
  options: { mode: 'exact' | 'full'; top: number },
): (LinkOutputCompetency & { key: string })[] {
  const chinese = isMostlyChinese(text);
  return linkDemand(loaded.linker, text, options).map((link) => {
    const entry = loaded.entries[link.entry]!;
    const label = chinese
      ? (entry.labelZh ?? entry.escoLabel ?? entry.labelEn)
      : (entry.escoLabel ?? entry.labelEn ?? entry.labelZh);
    return {
      key: entry.key,
      id: entry.id,
      esco: entry.esco,
      label: label ?? entry.id,
      score: Math.round(link.score * 1e6) / 1e6,
      spans: link.spans.map(([start, end]) => [start, end]),
      linked: link.linked,
    };
  });
}
