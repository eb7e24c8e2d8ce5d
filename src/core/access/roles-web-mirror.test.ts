import { describe, expect, it } from 'vitest';
import * as web from '../../../web/src/access/roles.js';
import {
  DECLARATION_READER_ROLES,
  DECLARATION_WRITER_ROLES,
  DEMAND_IMPORT_ROLES,
  ORGANISATION_ADMIN_ROLES,
  PEOPLE_READER_ROLES,
  ROLES,
  ROLES_BY_ORGANISATION_KIND,
  TAXONOMY_EDITOR_ROLES,
  TAXONOMY_RELEASE_ROLES,
  COURSE_TEACHER_ROLES,
} from './roles.js';

// The web app may not import core (it talks only to the API), so it mirrors these rules for its menus and forms.
// The server has the last word; this test keeps the mirror from drifting.
describe('the web app’s copy of the role rules', () => {
  it('lists the same roles and grants per organisation kind', () => {
    expect([...web.ROLES]).toEqual([...ROLES]);
    expect(web.ROLES_BY_ORGANISATION_KIND).toEqual(ROLES_BY_ORGANISATION_KIND);
  });
  it('offers member pages to the roles the API lets through (platform admins pass every tenant check)', () => {
    expect([...web.MEMBER_READER_ROLES].sort()).toEqual([...PEOPLE_READER_ROLES, 'platform_admin'].sort());
    expect([...web.MEMBER_ADMIN_ROLES].sort()).toEqual([...ORGANISATION_ADMIN_ROLES, 'platform_admin'].sort());
    expect([...web.TAXONOMY_EDITOR_ROLES].sort()).toEqual([...TAXONOMY_EDITOR_ROLES].sort());
    expect([...web.TAXONOMY_RELEASE_ROLES].sort()).toEqual([...TAXONOMY_RELEASE_ROLES].sort());
    expect([...web.DEMAND_IMPORT_ROLES].sort()).toEqual([...DEMAND_IMPORT_ROLES].sort());
    expect([...web.DECLARATION_READER_ROLES].sort()).toEqual([...DECLARATION_READER_ROLES].sort());
    expect([...web.DECLARATION_WRITER_ROLES].sort()).toEqual([...DECLARATION_WRITER_ROLES].sort());
    expect([...web.COURSE_TEACHER_ROLES].sort()).toEqual([...COURSE_TEACHER_ROLES].sort());
  });
});
