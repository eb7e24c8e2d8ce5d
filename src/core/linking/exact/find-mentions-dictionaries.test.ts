import { describe, expect, it } from 'vitest';
import { readCuratedCatalogue } from '../../../interchange/curated/read-curated-catalogue.js';
import { readEscoRelease } from '../../../interchange/esco/read-esco-release.js';
import { curatedCatalogueDir, sharedDataPath } from '../../../interchange/shared-data.js';
import { linkEntriesFromBundles } from '../link-entries-from-bundles.js';
import type { LinkEntry } from '../link-entry.js';
import { buildMentionMatcher } from './build-mention-matcher.js';
import { findMentions } from './find-mentions.js';

/**
 * Labels that, scanned on their own, do not yield a mention of their own entry over the whole label (a span ends
 * at the label's last word: "Java (computer programming)" is matched up to "programming").
 */
function labelsNotFindingThemselves(entries: readonly LinkEntry[]): string[] {
  const matcher = buildMentionMatcher(entries);
  const missing: string[] = [];
  entries.forEach((entry, index) => {
    if (entry.isGroup) return;
    for (const term of entry.terms) {
      if (term.kind !== 'label') continue;
      const end = term.text.replace(/[^\p{L}\p{N}\p{M}+#]+$/u, '').length;
      const own = findMentions(matcher, term.text).some(
        (mention) => mention.entry === index && mention.start === 0 && mention.end === end,
      );
      if (!own) missing.push(`${entry.key}: ${term.text}`);
    }
  });
  return missing;
}

describe('findMentions over the curated catalogue', () => {
  it('finds every Chinese and English label on its own', async () => {
    const { bundle } = await readCuratedCatalogue(curatedCatalogueDir());
    expect(labelsNotFindingThemselves(linkEntriesFromBundles([bundle]))).toEqual([]);
  });
});

const escoDir = sharedDataPath('esco-v1.1.1-en');
const haveEsco = escoDir !== null;
if (!haveEsco) {
  console.warn('find-mentions: skipping the ESCO v1.1.1 checks — shared data not found (set ZERODOCK_SHARED_DATA).');
}

describe.skipIf(!haveEsco)('findMentions over ESCO v1.1.1', () => {
  it('finds every preferred label on its own, and only whole words in a posting', { timeout: 180_000 }, async () => {
    const entries = linkEntriesFromBundles([await readEscoRelease(escoDir!)]);
    expect(labelsNotFindingThemselves(entries)).toEqual([]);

    const matcher = buildMentionMatcher(entries);
    const text = 'We use JavaScript and Java; knowledge of databases required.';
    const labels = findMentions(matcher, text).map((mention) => [
      text.slice(mention.start, mention.end),
      entries[mention.entry]!.escoLabel,
    ]);
    // No "Java" inside "JavaScript", and the plural finds "database".
    expect(labels).toEqual([
      ['JavaScript', 'JavaScript'],
      ['Java', 'Java (computer programming)'],
      ['databases', 'database'],
    ]);
  });
});
