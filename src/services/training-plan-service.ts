import type { TrainingPlanDto } from '../contracts/course-systems.js';
import type { Actor } from '../core/access/actor.js';
import { ESSENTIAL_WEIGHT, allCourses } from '../core/courses/course-system.js';
import { checkPlanRules } from '../core/courses/check-plan-rules.js';
import { certificatesOfPost } from '../core/courses/post-certificates.js';
import type { TrainingPlanFigures } from '../core/courses/training-plan-figures.js';
import {
  editableDraftOf,
  isPlanVersionUnderReview,
  nextPlanVersionNumber,
  submitPlanVersion,
  withdrawPlanVersion,
} from '../core/courses/plan-version-lifecycle.js';
import {
  draftTrainingPlanWithFigures,
  type TrainingPlanCourse,
  type TrainingPlanFacts,
  type TrainingPlanSection,
  type TrainingPlanSectionKey,
} from '../core/courses/training-plan.js';
import { DomainError } from '../core/errors/domain-error.js';
import { OCCUPATION_TITLES_2022 } from '../core/specialties/occupation-titles-2022.js';
import { HIGHER_VOCATIONAL_CATEGORIES } from '../core/specialties/specialty-categories.js';
import { HIGHER_VOCATIONAL_CLASSES } from '../core/specialties/specialty-classes.js';
import { exportFileName, type TrainingPlanDocument } from '../interchange/training-plan/training-plan-document.js';
import { writeTrainingPlanDocx } from '../interchange/training-plan/write-training-plan-docx.js';
import { writeTrainingPlanPdf } from '../interchange/training-plan/write-training-plan-pdf.js';
import { writeTrainingPlanXlsx } from '../interchange/training-plan/write-training-plan-xlsx.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { CourseSystemRecord } from '../storage/repositories/course-system.repository.js';
import type { TrainingPlanRecord } from '../storage/repositories/training-plan.repository.js';
import { requireCollege } from './college-specialty-service.js';
import { bundleOf, requireCourseSystem } from './course-system-service.js';
import { chooseCommittee, reviewOf, type CommitteeMatter } from './committee-service.js';
import type { ServiceContext } from './service-context.js';

/**
 * Talent Training Plans (人才培养方案): per specialty of a course system's group, or for the whole group, drafted
 * from the data in the sections of the national template; edited as drafts; approved versions are immutable
 * (the database refuses changes too); a new version starts from the newest approved one, optionally with its
 * tables refilled from the course system as it is now. Exported as DOCX, XLSX and PDF.
 */

/** 国民经济行业分类 (GB/T 4754-2017) of the outsourcing categories: what 对应行业 lists. */
const INDUSTRY_OF_CATEGORY: Readonly<Record<string, string>> = {
  ITO: '软件和信息技术服务业（65）',
  BPO: '商务服务业（72）',
  KPO: '专业技术服务业（74）',
};

async function factsOf(
  repositories: Repositories,
  record: CourseSystemRecord,
  specialtyCode: string | null,
): Promise<TrainingPlanFacts> {
  const bundle = await bundleOf(repositories, record.versionId);
  const specialty = specialtyCode === null ? null : record.specialties.find((entry) => entry.code === specialtyCode);
  if (specialtyCode !== null && !specialty) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Specialty ${specialtyCode} is not in this course system’s group (${record.specialties.map((entry) => entry.code).join(', ') || 'none'}).`,
      { field: 'specialtyCode' },
    );
  }
  const names = await repositories.taxonomy.specialtyNames(
    specialty ? [specialty.code.slice(0, 2), specialty.code.slice(0, 4)] : [],
  );
  const postsById = new Map(bundle.posts.map((post) => [post.id, post]));
  const groupPosts = record.posts.map((post) => postsById.get(post.id));
  const cnCodes = [...new Set(groupPosts.flatMap((post) => post?.references.cn2022 ?? []))];
  const occupationTitles = new Map(
    (await repositories.taxonomy.occupationsByReference('cn2022', cnCodes)).map((row) => [
      row.code ?? '',
      row.titleZh ?? row.code ?? '',
    ]),
  );
  const competencies = new Map(bundle.competencies.map((competency) => [competency.id, competency]));
  const essential = [
    ...new Set(
      record.posts.flatMap((post) =>
        post.competencies
          .filter((competency) => competency.weight >= ESSENTIAL_WEIGHT)
          .map((competency) => competency.id),
      ),
    ),
  ];
  const byType = (type: string) =>
    essential
      .map((id) => competencies.get(id))
      .filter((competency) => competency?.type === type)
      .map((competency) => competency!.labelZh ?? competency!.labelEn ?? competency!.id)
      .slice(0, 12);
  const certificates = [
    ...new Set([
      ...record.posts.flatMap((post) => certificatesOfPost(post.id)),
      ...essential
        .map((id) => competencies.get(id)?.xStandardCode)
        .filter((code): code is string => Boolean(code))
        .map((code) => `1+X 职业技能等级证书（${code}）`),
    ]),
  ];
  const contentOf = (ids: readonly string[]) => {
    const labels = ids.map((id) => competencies.get(id)?.labelZh ?? competencies.get(id)?.labelEn ?? id);
    return labels.length > 8 ? `${labels.slice(0, 8).join('、')}等` : labels.join('、');
  };
  const semesterOf = new Map<string, number>();
  record.plan.semesters.forEach((ids, index) => ids.forEach((id) => semesterOf.set(id, index)));
  const titleOf = new Map(record.posts.map((post) => [post.id, post.titleZh]));
  const courses: TrainingPlanCourse[] = [
    ...record.publicCourses.map((course) => ({
      id: course.code,
      kind: 'public' as const,
      titleZh: course.titleZh,
      credits: course.credits,
      hours: course.hours,
      theoryHours: course.theoryHours,
      practiceHours: course.practiceHours,
      postZh: null,
      contentZh: '',
      semester: course.semester - 1,
      assessment: '考试',
    })),
    ...allCourses(record.system).map((course) => ({
      id: course.id,
      kind: course.kind,
      titleZh: course.titleZh,
      credits: course.credits,
      hours: course.hours,
      theoryHours: course.theoryHours,
      practiceHours: course.practiceHours,
      postZh: course.post ? (titleOf.get(course.post) ?? course.post) : null,
      contentZh: contentOf(course.competencies),
      semester: semesterOf.get(course.id) ?? null,
      assessment: course.kind === 'elective' ? '考查' : '考试',
    })),
  ];
  return {
    specialty: specialty ? { code: specialty.code, nameZh: specialty.nameZh } : null,
    group: {
      nameZh: record.titleZh.replace(/\s*课程体系$/, ''),
      specialties: record.specialties.map((entry) => ({ code: entry.code, nameZh: entry.nameZh })),
    },
    catalogue: specialty
      ? {
          categoryCode: specialty.code.slice(0, 2),
          classCode: specialty.code.slice(0, 4),
          categoryZh:
            names.get(specialty.code.slice(0, 2)) ?? HIGHER_VOCATIONAL_CATEGORIES[specialty.code.slice(0, 2)] ?? null,
          classZh:
            names.get(specialty.code.slice(0, 4)) ?? HIGHER_VOCATIONAL_CLASSES[specialty.code.slice(0, 4)] ?? null,
        }
      : null,
    posts: record.posts.map((post) => {
      const full = postsById.get(post.id);
      return {
        titleZh: post.titleZh,
        subSectorZh: full?.subSectorZh ?? '',
        category: full?.category ?? '',
        occupations: (full?.references.cn2022 ?? []).map((code) => {
          const imported = occupationTitles.get(code);
          const title = imported && imported !== code ? imported : OCCUPATION_TITLES_2022[code];
          return title ? `${title}（${code}）` : code;
        }),
        sceneNames: full?.scenes.map((scene) => scene.nameZh) ?? [],
        certificates: [...certificatesOfPost(post.id)],
      };
    }),
    certificates,
    competencies: { knowledge: byType('knowledge'), skill: byType('skill'), attitude: byType('attitude') },
    courses,
    semesters: record.semesters,
    practical: record.practical,
    industries: [
      ...new Set(
        groupPosts.map((post) => INDUSTRY_OF_CATEGORY[post?.category ?? ''] ?? '').filter((name) => name !== ''),
      ),
    ],
  };
}

function titleOf(record: CourseSystemRecord, specialtyCode: string | null): string {
  const specialty = record.specialties.find((entry) => entry.code === specialtyCode);
  return specialty
    ? `${specialty.nameZh}专业人才培养方案`
    : `${record.titleZh.replace(/\s*课程体系$/, '')}专业群人才培养方案`;
}

async function requirePlan(
  repositories: Repositories,
  organisationId: string,
  planId: string,
): Promise<TrainingPlanRecord> {
  const plan = await repositories.trainingPlans.find(planId);
  if (!plan || plan.organisationId !== organisationId) {
    throw new DomainError('TRAINING_PLAN_NOT_FOUND', 'No such training plan here.', { planId });
  }
  return plan;
}

/** Sections whose drafted text states the plan's totals: redrafted with the tables when a version is refreshed. */
const SUM_SECTIONS: ReadonlySet<TrainingPlanSectionKey> = new Set(['curriculum', 'schedule', 'graduation']);

/** The rules of 教职成〔2019〕13号 checked on a version; null when its figures were not recorded. */
function rulesOf(version: { figures: TrainingPlanFigures | null; sections: readonly TrainingPlanSection[] }) {
  return version.figures === null ? null : checkPlanRules(version.figures, version.sections);
}

export async function present(
  repositories: Repositories,
  plan: TrainingPlanRecord,
  viewer: Actor | null = null,
): Promise<TrainingPlanDto> {
  const system = await repositories.courseSystems.find(plan.courseSystemId);
  const matter = await planMatter(repositories, plan);
  return {
    id: plan.id,
    courseSystemId: plan.courseSystemId,
    courseSystemTitle: system?.titleZh ?? '',
    specialtyCode: plan.specialtyCode,
    titleZh: plan.titleZh,
    createdAt: plan.createdAt,
    versions: plan.versions.map((version) => ({
      id: version.id,
      number: version.number,
      status: version.status,
      note: version.note,
      createdAt: version.createdAt,
      updatedAt: version.updatedAt,
      approvedAt: version.approvedAt,
      approvedByName: version.approvedByName,
      submittedAt: version.submittedAt,
      sections: version.sections,
      rules: rulesOf(version),
    })),
    review: matter ? await reviewOf(repositories, matter, viewer ?? NOBODY) : null,
  };
}

const NOBODY: Actor = { personId: '', email: '', activeOrganisationId: null, memberships: [] };

/**
 * The newest version as a matter before its committee: while under review, or once decided in a review round
 * (the last round's votes stay visible); null when it was never submitted.
 */
export async function planMatter(
  repositories: Repositories,
  plan: TrainingPlanRecord,
): Promise<CommitteeMatter | null> {
  const version = plan.versions.at(-1);
  if (!version || !version.committeeId || version.reviewRound === 0) return null;
  const authors = new Set<string>();
  if (version.createdBy) authors.add(version.createdBy);
  for (const person of await repositories.trainingPlans.editorsOf(version.id)) authors.add(person);
  return {
    kind: 'plan_version',
    id: version.id,
    round: version.reviewRound,
    committeeId: version.committeeId,
    organisationId: plan.organisationId,
    authors: [...authors],
    open: isPlanVersionUnderReview(version),
  };
}

export async function listTrainingPlans(context: ServiceContext, organisationId: string) {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  const plans = await repositories.trainingPlans.list(organisationId);
  const titles = new Map(
    (await repositories.courseSystems.list(organisationId)).map((system) => [system.id, system.titleZh]),
  );
  return {
    items: plans.map((plan) => {
      const latest = plan.versions.at(-1)!;
      return {
        id: plan.id,
        courseSystemId: plan.courseSystemId,
        courseSystemTitle: titles.get(plan.courseSystemId) ?? '',
        specialtyCode: plan.specialtyCode,
        titleZh: plan.titleZh,
        createdAt: plan.createdAt,
        latest: {
          number: latest.number,
          status: latest.status,
          updatedAt: latest.updatedAt,
          underReview: isPlanVersionUnderReview(latest),
        },
      };
    }),
  };
}

export async function createTrainingPlan(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  request: { courseSystemId: string; specialtyCode: string | null },
): Promise<TrainingPlanDto> {
  const planId = await context.store.transaction(async (repositories) => {
    await requireCollege(repositories, organisationId);
    const record = await requireCourseSystem(repositories, organisationId, request.courseSystemId);
    await repositories.courseSystems.lock(record.id);
    if ((await repositories.trainingPlans.findSubject(record.id, request.specialtyCode)) !== null) {
      throw new DomainError('TRAINING_PLAN_EXISTS', 'This course system already has that training plan.', {
        field: 'specialtyCode',
      });
    }
    const draft = draftTrainingPlanWithFigures(await factsOf(repositories, record, request.specialtyCode));
    return repositories.trainingPlans.create(
      {
        organisationId,
        courseSystemId: record.id,
        specialtyCode: request.specialtyCode,
        titleZh: titleOf(record, request.specialtyCode),
      },
      draft.sections,
      actor.personId,
      context.clock(),
      draft.figures,
    );
  });
  return getTrainingPlan(context, organisationId, planId);
}

export async function getTrainingPlan(
  context: ServiceContext,
  organisationId: string,
  planId: string,
  viewer: Actor | null = null,
): Promise<TrainingPlanDto> {
  const repositories = context.store.repositories;
  return present(repositories, await requirePlan(repositories, organisationId, planId), viewer);
}

/** Runs one change on the plan with its row locked; the newest version must be (or must not be) a draft. */
async function change(
  context: ServiceContext,
  organisationId: string,
  planId: string,
  work: (repositories: Repositories, plan: TrainingPlanRecord) => Promise<void>,
): Promise<TrainingPlanDto> {
  await context.store.transaction(async (repositories) => {
    await repositories.trainingPlans.lock(planId);
    await work(repositories, await requirePlan(repositories, organisationId, planId));
  });
  return getTrainingPlan(context, organisationId, planId);
}

export async function updateTrainingPlanDraft(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  planId: string,
  request: { sections: { key: TrainingPlanSectionKey; text: string }[]; note?: string | undefined },
): Promise<TrainingPlanDto> {
  return change(context, organisationId, planId, async (repositories, plan) => {
    const draft = editableDraftOf(plan.versions);
    const texts = new Map<TrainingPlanSectionKey, string>();
    for (const section of request.sections) {
      if (texts.has(section.key)) {
        throw new DomainError('VALIDATION_FAILED', `section ${section.key} is given twice`, { field: 'sections' });
      }
      texts.set(section.key, section.text.replace(/\r\n?/g, '\n'));
    }
    const sections: TrainingPlanSection[] = draft.sections.map((section) => ({
      ...section,
      text: texts.get(section.key) ?? section.text,
    }));
    await repositories.trainingPlans.updateDraft(
      draft.id,
      sections,
      request.note ?? draft.note,
      actor.personId,
      context.clock(),
    );
  });
}

/**
 * Puts the newest draft before the steering committee (a new review round): the director submits, the committee
 * votes (training-plan-review-service.ts); nobody edits the version meanwhile, and the director never approves it.
 */
export async function submitTrainingPlan(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  planId: string,
  request: { committeeId?: string } = {},
): Promise<TrainingPlanDto> {
  await context.store.transaction(async (repositories) => {
    await repositories.trainingPlans.lock(planId);
    const plan = await requirePlan(repositories, organisationId, planId);
    const draft = editableDraftOf(plan.versions);
    const { round } = submitPlanVersion(draft);
    const committeeId = await chooseCommittee(repositories, request.committeeId);
    await repositories.trainingPlans.submit(draft.id, committeeId, round, context.clock());
  });
  return getTrainingPlan(context, organisationId, planId, actor);
}

/**
 * The director takes the version back from the committee before it decides (to correct it): editable again; the
 * round's votes stay recorded (shown as withdrawn) and the next submission opens a new round. Audited.
 */
export async function withdrawTrainingPlan(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  planId: string,
): Promise<TrainingPlanDto> {
  await context.store.transaction(async (repositories) => {
    await repositories.trainingPlans.lock(planId);
    const plan = await requirePlan(repositories, organisationId, planId);
    const latest = plan.versions.at(-1);
    if (!latest) throw new DomainError('TRAINING_PLAN_NOT_FOUND', 'The plan has no version.', { planId });
    withdrawPlanVersion(latest);
    const now = context.clock();
    await repositories.trainingPlans.returnToDraft(latest.id, now);
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'training_plan.withdrawn',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { planId, version: latest.number, round: latest.reviewRound, committeeId: latest.committeeId },
    });
  });
  return getTrainingPlan(context, organisationId, planId, actor);
}

/** A new draft from the newest approved version; `refresh` refills the generated tables from the data. */
export async function startTrainingPlanVersion(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  planId: string,
  request: { refresh: boolean },
): Promise<TrainingPlanDto> {
  return change(context, organisationId, planId, async (repositories, plan) => {
    const number = nextPlanVersionNumber(plan.versions);
    const latest = plan.versions.at(-1)!;
    let sections = latest.sections;
    let figures = latest.figures;
    if (request.refresh) {
      const record = await requireCourseSystem(repositories, organisationId, plan.courseSystemId);
      const draft = draftTrainingPlanWithFigures(await factsOf(repositories, record, plan.specialtyCode));
      const fresh = new Map(draft.sections.map((section) => [section.key, section]));
      // The generated tables and the texts that state the totals are redrafted together, so the sums agree;
      // every other text keeps the college's edits.
      sections = latest.sections.map((section) => {
        const redrafted = fresh.get(section.key);
        return {
          ...section,
          text: redrafted && SUM_SECTIONS.has(section.key) ? redrafted.text : section.text,
          tables: redrafted?.tables ?? [],
        };
      });
      figures = draft.figures;
    }
    await repositories.trainingPlans.addVersion(
      plan.id,
      number,
      sections,
      '',
      actor.personId,
      context.clock(),
      figures,
    );
  });
}

/**
 * A revised course system's training plans, carried to its new version (the yearly revision): one new plan per plan
 * of the old version, on the new course system, drafted from it — the generated tables and the texts that state
 * the totals come from the new courses, every other text keeps the college's edits of the old plan's newest
 * version. The old plans stay as they were (their approved versions remain the record). Returns the new plans' ids.
 */
export async function carryTrainingPlansForward(
  repositories: Repositories,
  organisationId: string,
  fromCourseSystemId: string,
  toCourseSystemId: string,
  actorPersonId: string,
  now: Date,
): Promise<{ from: string; to: string }[]> {
  const record = await requireCourseSystem(repositories, organisationId, toCourseSystemId);
  const carried: { from: string; to: string }[] = [];
  for (const plan of (await repositories.trainingPlans.list(organisationId)).filter(
    (entry) => entry.courseSystemId === fromCourseSystemId,
  )) {
    const latest = plan.versions.at(-1);
    const draft = draftTrainingPlanWithFigures(await factsOf(repositories, record, plan.specialtyCode));
    const previous = new Map((latest?.sections ?? []).map((section) => [section.key, section]));
    const sections = draft.sections.map((section) => {
      const edited = previous.get(section.key);
      return edited && !SUM_SECTIONS.has(section.key) ? { ...section, text: edited.text } : section;
    });
    const id = await repositories.trainingPlans.create(
      {
        organisationId,
        courseSystemId: record.id,
        specialtyCode: plan.specialtyCode,
        titleZh: titleOf(record, plan.specialtyCode),
      },
      sections,
      actorPersonId,
      now,
      draft.figures,
    );
    carried.push({ from: plan.id, to: id });
  }
  return carried;
}

export const EXPORT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export async function exportTrainingPlan(
  context: ServiceContext,
  organisationId: string,
  planId: string,
  number: number,
  format: keyof typeof EXPORT_TYPES,
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const repositories = context.store.repositories;
  const plan = await requirePlan(repositories, organisationId, planId);
  const version = plan.versions.find((candidate) => candidate.number === number);
  if (!version) {
    throw new DomainError('TRAINING_PLAN_NOT_FOUND', `The plan has no version ${number}.`, { version: number });
  }
  const college = await repositories.organisations.findById(organisationId);
  const document: TrainingPlanDocument = {
    titleZh: plan.titleZh,
    college: college?.nameZh ?? '',
    versionLine:
      version.status === 'approved'
        ? `第 ${version.number} 版 · ${version.approvedAt!.slice(0, 10)} 审定`
        : `第 ${version.number} 版 · 草稿（未审定）`,
    sections: version.sections,
    rules: rulesOf(version),
  };
  const body =
    format === 'docx'
      ? await writeTrainingPlanDocx(document)
      : format === 'xlsx'
        ? await writeTrainingPlanXlsx(document)
        : await writeTrainingPlanPdf(document);
  return { fileName: exportFileName(document, version.number, format), contentType: EXPORT_TYPES[format], body };
}
