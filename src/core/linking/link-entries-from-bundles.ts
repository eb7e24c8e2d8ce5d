import type { Competency, TaxonomyBundle } from '../taxonomy/taxonomy-bundle.js';
import type { LinkEntry, LinkTerm } from './link-entry.js';

/**
 * The linker's dictionary from one or more framework versions (curated first, then ESCO, O*NET, …).
 * Competencies that name the same ESCO concept become one entry: the first bundle's id and labels win, terms and
 * descriptions are merged, so a curated competency mapped to ESCO is linked once, under the curated id, with the
 * ESCO URI. Grouping concepts are kept (they give broader labels) but flagged `isGroup`.
 */
export function linkEntriesFromBundles(bundles: readonly TaxonomyBundle[]): LinkEntry[] {
  const entries: MutableEntry[] = [];
  const byEsco = new Map<string, MutableEntry>();
  for (const bundle of bundles) {
    const byId = new Map(bundle.competencies.map((competency) => [competency.id, competency]));
    const broader = new Map<string, string[]>();
    for (const relation of bundle.relations) {
      if (relation.kind !== 'broader') continue;
      const parent = byId.get(relation.toId);
      const label = parent ? (parent.labelEn ?? parent.labelZh) : null;
      if (!label) continue;
      const list = broader.get(relation.fromId) ?? [];
      list.push(label);
      broader.set(relation.fromId, list);
    }
    const occupationCounts = new Map<string, number>();
    for (const link of bundle.occupationLinks) {
      occupationCounts.set(link.competencyId, (occupationCounts.get(link.competencyId) ?? 0) + 1);
    }
    for (const competency of bundle.competencies) {
      const occupationCount = occupationCounts.get(competency.id) ?? 0;
      const existing = competency.escoUri ? byEsco.get(competency.escoUri) : undefined;
      if (existing) {
        mergeInto(existing, competency, broader.get(competency.id) ?? []);
        if (bundle.framework.source === 'esco') existing.escoLabel ??= competency.labelEn;
        existing.occupationCount += occupationCount;
        continue;
      }
      const entry = newEntry(bundle.framework.key, competency, broader.get(competency.id) ?? []);
      if (bundle.framework.source === 'esco') entry.escoLabel = competency.labelEn;
      entry.occupationCount = occupationCount;
      entries.push(entry);
      if (competency.escoUri) byEsco.set(competency.escoUri, entry);
    }
  }
  return entries.map(freeze);
}

interface MutableEntry {
  key: string;
  id: string;
  esco: string | null;
  escoLabel: string | null;
  labelZh: string | null;
  labelEn: string | null;
  terms: LinkTerm[];
  seen: Set<string>;
  descriptionZh: string | null;
  descriptionEn: string | null;
  broaderLabels: string[];
  occupationCount: number;
  isGroup: boolean;
}

function newEntry(frameworkKey: string, competency: Competency, broaderLabels: string[]): MutableEntry {
  const entry: MutableEntry = {
    key: `${frameworkKey}:${competency.id}`,
    id: competency.id,
    esco: competency.escoUri,
    escoLabel: null,
    labelZh: competency.labelZh,
    labelEn: competency.labelEn,
    terms: [],
    seen: new Set(),
    descriptionZh: competency.descriptionZh,
    descriptionEn: competency.descriptionEn,
    broaderLabels: [...broaderLabels],
    occupationCount: 0,
    isGroup: competency.isGroup,
  };
  addTerms(entry, competency);
  return entry;
}

function mergeInto(entry: MutableEntry, competency: Competency, broaderLabels: string[]): void {
  entry.labelZh ??= competency.labelZh;
  entry.labelEn ??= competency.labelEn;
  entry.descriptionZh ??= competency.descriptionZh;
  entry.descriptionEn ??= competency.descriptionEn;
  for (const label of broaderLabels) if (!entry.broaderLabels.includes(label)) entry.broaderLabels.push(label);
  addTerms(entry, competency);
}

function addTerms(entry: MutableEntry, competency: Competency): void {
  const add = (text: string | null, lang: 'zh' | 'en', kind: 'label' | 'alias') => {
    const trimmed = text?.trim();
    if (!trimmed) return;
    const seenKey = `${lang}\u0000${trimmed.toLowerCase()}`;
    if (entry.seen.has(seenKey)) return;
    entry.seen.add(seenKey);
    entry.terms.push({ text: trimmed, lang, kind });
  };
  add(competency.labelZh, 'zh', 'label');
  add(competency.labelEn, 'en', 'label');
  for (const alias of competency.aliasesZh) add(alias, 'zh', 'alias');
  for (const alias of competency.aliasesEn) add(alias, 'en', 'alias');
}

function freeze(entry: MutableEntry): LinkEntry {
  const { seen: _seen, ...rest } = entry;
  return rest;
}
