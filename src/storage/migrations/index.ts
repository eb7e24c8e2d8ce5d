import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as taxonomy from './0002-taxonomy.js';
import * as demand from './0003-demand.js';
import * as groups from './0004-groups.js';
import * as courses from './0005-courses.js';
import * as access from './0006-access.js';
import * as uploadSafety from './0007-upload-safety.js';
import * as integrity from './0008-integrity.js';
import * as postingSearch from './0009-posting-search.js';
import * as committeeVotes from './0010-committee-votes.js';
import * as courseTitles from './0011-course-titles.js';
import * as planFigures from './0012-plan-figures.js';
import * as committeeVotesKept from './0013-committee-votes-kept.js';
import * as revisions from './0014-revisions.js';
import * as revisionResults from './0015-revision-results.js';
import * as people from './0016-people.js';
import * as studentPathways from './0017-student-pathways.js';

/**
 * The append-only list of migrations. Never edit or reorder a released entry: add a new file and a new
 * line. Static imports (not a folder scan) so the same list works from `src/` under tsx and from `dist/`.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-taxonomy': taxonomy,
  '0003-demand': demand,
  '0004-groups': groups,
  '0005-courses': courses,
  '0006-access': access,
  '0007-upload-safety': uploadSafety,
  '0008-integrity': integrity,
  '0009-posting-search': postingSearch,
  '0010-committee-votes': committeeVotes,
  '0011-course-titles': courseTitles,
  '0012-plan-figures': planFigures,
  '0013-committee-votes-kept': committeeVotesKept,
  '0014-revisions': revisions,
  '0015-revision-results': revisionResults,
  '0016-people': people,
  '0017-student-pathways': studentPathways,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
