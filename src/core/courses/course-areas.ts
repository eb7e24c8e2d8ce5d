import { PROFESSIONAL_QUALITY_AREA, type CourseArea, type CourseLibrary } from './course-library.js';

/** What the synthesis knows of one competency for grouping it: its dimension and broader competency. */
export interface AreaFacts {
  dimension?: string;
  broader?: string;
}

/** An area that holds competencies the library does not teach, by the catalogue's dimension. */
const DIMENSION_AREAS: Record<string, CourseArea> = {
  quality: { id: PROFESSIONAL_QUALITY_AREA, titleZh: '职业素养', titleEn: 'Professional Conduct' },
  it: { id: 'dimension-it', titleZh: '信息技术应用', titleEn: 'Applied Information Technology' },
  industry: { id: 'dimension-industry', titleZh: '行业基础知识', titleEn: 'Industry Fundamentals' },
  service: { id: 'dimension-service', titleZh: '商务服务', titleEn: 'Business Services' },
  language: { id: 'dimension-language', titleZh: '职业外语', titleEn: 'Professional Languages' },
  'sub-sector': { id: 'dimension-sub-sector', titleZh: '专业技术', titleEn: 'Specialised Techniques' },
};

/** A professional-quality competency (职业素养: 严谨, 保密, 沟通…), by the catalogue's dimension. */
export function isProfessionalQuality(facts: AreaFacts | undefined): boolean {
  return facts?.dimension === 'quality';
}

/**
 * Resolves each competency's knowledge area: professional quality by its dimension; else the area of the first
 * library course that teaches it, or of its nearest broader competency such a course teaches; else an area named
 * after its dimension. Unknown (no facts, no library) is null.
 */
export function competencyAreas(
  facts: ReadonlyMap<string, AreaFacts>,
  library: CourseLibrary | undefined,
): { areaOf: (id: string) => CourseArea | null; area: (id: string) => CourseArea | undefined } {
  const areas = new Map<string, CourseArea>(Object.values(DIMENSION_AREAS).map((area) => [area.id, area]));
  for (const area of library?.areas ?? []) areas.set(area.id, area);
  const taughtIn = new Map<string, string>();
  for (const course of library?.courses ?? []) {
    for (const id of course.competencies) if (!taughtIn.has(id)) taughtIn.set(id, course.area);
  }
  const memo = new Map<string, CourseArea | null>();
  const areaOf = (id: string): CourseArea | null => {
    if (memo.has(id)) return memo.get(id)!;
    const own = facts.get(id);
    let found: CourseArea | null = null;
    if (isProfessionalQuality(own)) found = areas.get(PROFESSIONAL_QUALITY_AREA)!;
    else {
      const seen = new Set<string>();
      for (let current: string | undefined = id; current && !seen.has(current); current = facts.get(current)?.broader) {
        seen.add(current);
        const areaId = taughtIn.get(current);
        if (areaId && areas.has(areaId)) {
          found = areas.get(areaId)!;
          break;
        }
      }
      if (!found && own?.dimension) found = DIMENSION_AREAS[own.dimension] ?? null;
    }
    memo.set(id, found);
    return found;
  };
  return { areaOf, area: (id) => areas.get(id) };
}
