import { sql, type Kysely } from 'kysely';

/**
 * The competency taxonomy: framework versions (each a full, self-contained snapshot of one release of a
 * framework: curated catalogue, ESCO, O*NET, the MoE specialty catalogue, the 2022 occupation classification),
 * their proficiency scale, competencies with hierarchy and relations, reference occupations and their
 * competency links, posts with requirements, specialties, and the edit history of draft versions.
 * Integrity inside a version is enforced by composite foreign keys; deleting a version deletes its content.
 */
const STATEMENTS = [
  `create table framework_versions (
    id uuid primary key default gen_random_uuid(),
    framework_key text not null,
    label text not null,
    title_zh text not null,
    title_en text not null,
    source text not null check (source in ('curated', 'esco', 'onet', 'moe-catalogue', 'cn-occupations', 'case', 'xlsx')),
    release_notes text not null default '',
    released boolean not null default false,
    released_at timestamptz,
    derived_from uuid references framework_versions (id) on delete set null,
    checksum text not null,
    created_by uuid references people (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (framework_key, label)
  )`,
  `create table proficiency_levels (
    version_id uuid not null references framework_versions (id) on delete cascade,
    level integer not null,
    name_zh text not null,
    name_en text not null,
    descriptor_zh text not null,
    descriptor_en text not null,
    primary key (version_id, level)
  )`,
  `create table competencies (
    version_id uuid not null references framework_versions (id) on delete cascade,
    id text not null,
    type text not null check (type in ('knowledge', 'skill', 'attitude')),
    dimension text check (dimension in ('it', 'industry', 'service', 'sub-sector', 'quality', 'language')),
    is_group boolean not null default false,
    label_zh text,
    label_en text,
    aliases_zh text[] not null default '{}',
    aliases_en text[] not null default '{}',
    description_zh text,
    description_en text,
    esco_uri text,
    onet_element_id text,
    case_guid text,
    x_standard_code text,
    previous_ids text[] not null default '{}',
    primary key (version_id, id),
    check (label_zh is not null or label_en is not null)
  )`,
  `create index competencies_esco_uri_idx on competencies (esco_uri) where esco_uri is not null`,
  `create table competency_relations (
    version_id uuid not null,
    from_id text not null,
    to_id text not null,
    kind text not null check (kind in ('broader', 'related')),
    primary key (version_id, from_id, to_id, kind),
    foreign key (version_id, from_id) references competencies (version_id, id) on delete cascade,
    foreign key (version_id, to_id) references competencies (version_id, id) on delete cascade
  )`,
  `create index competency_relations_to_idx on competency_relations (version_id, to_id)`,
  `create table reference_occupations (
    version_id uuid not null references framework_versions (id) on delete cascade,
    id text not null,
    scheme text not null check (scheme in ('esco', 'isco', 'onet', 'cn2022')),
    code text,
    uri text,
    title_zh text,
    title_en text,
    aliases_zh text[] not null default '{}',
    aliases_en text[] not null default '{}',
    description text,
    broader_id text,
    isco_code text,
    tasks text[] not null default '{}',
    primary key (version_id, id)
  )`,
  `create index reference_occupations_code_idx on reference_occupations (scheme, code)`,
  `create index reference_occupations_uri_idx on reference_occupations (uri) where uri is not null`,
  `create table occupation_competencies (
    version_id uuid not null,
    occupation_id text not null,
    competency_id text not null,
    relation text not null check (relation in ('essential', 'optional')),
    importance double precision,
    level double precision,
    hot boolean not null default false,
    primary key (version_id, occupation_id, competency_id),
    foreign key (version_id, occupation_id) references reference_occupations (version_id, id) on delete cascade,
    foreign key (version_id, competency_id) references competencies (version_id, id) on delete cascade
  )`,
  `create index occupation_competencies_competency_idx on occupation_competencies (version_id, competency_id)`,
  `create table posts (
    version_id uuid not null references framework_versions (id) on delete cascade,
    id text not null,
    title_zh text not null,
    title_en text not null,
    aliases_zh text[] not null default '{}',
    aliases_en text[] not null default '{}',
    category text not null check (category in ('ITO', 'BPO', 'KPO')),
    sub_sector_zh text not null,
    sub_sector_en text not null,
    description_zh text not null,
    description_en text not null,
    scenes jsonb not null,
    refs jsonb not null,
    primary key (version_id, id)
  )`,
  `create table post_requirements (
    version_id uuid not null,
    post_id text not null,
    competency_id text not null,
    essential boolean not null,
    weight double precision not null check (weight >= 0 and weight <= 1),
    level integer not null,
    primary key (version_id, post_id, competency_id),
    foreign key (version_id, post_id) references posts (version_id, id) on delete cascade,
    -- cascade so that deleting a whole version works in one statement; the service never deletes a competency
    -- that a requirement still names (it refuses with UNKNOWN_REFERENCE / keeps requirements explicit)
    foreign key (version_id, competency_id) references competencies (version_id, id) on delete cascade
  )`,
  `create index post_requirements_competency_idx on post_requirements (version_id, competency_id)`,
  `create table specialties (
    version_id uuid not null references framework_versions (id) on delete cascade,
    education_level text not null check (education_level in ('secondary', 'higher', 'bachelor')),
    code text not null,
    name_zh text not null,
    name_en text,
    level text not null check (level in ('category', 'class', 'major')),
    parent_code text,
    controlled boolean not null default false,
    primary key (version_id, education_level, code)
  )`,
  `create table taxonomy_edits (
    id uuid primary key default gen_random_uuid(),
    version_id uuid not null references framework_versions (id) on delete cascade,
    entity text not null check (entity in ('competency', 'post', 'version')),
    entity_id text not null,
    action text not null check (action in ('create', 'update', 'delete', 'release', 'derive')),
    before jsonb,
    after jsonb,
    reason text not null default '',
    person_id uuid references people (id) on delete set null,
    occurred_at timestamptz not null default now()
  )`,
  `create index taxonomy_edits_entity_idx on taxonomy_edits (version_id, entity, entity_id, occurred_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'taxonomy_edits',
    'specialties',
    'post_requirements',
    'posts',
    'occupation_competencies',
    'reference_occupations',
    'competency_relations',
    'competencies',
    'proficiency_levels',
    'framework_versions',
  ]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
