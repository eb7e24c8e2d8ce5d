import type { Actor } from '../core/access/actor.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { ProposalRecord } from '../storage/repositories/group-proposal.repository.js';
import { requireCuratedVersion } from './college-specialty-service.js';
import {
  appendEvent,
  createProposalIn,
  moveIn,
  renameIn,
  snapshotActor,
  submitIn,
  type ActorSnapshot,
} from './proposal-operations.js';
import type { ServiceContext } from './service-context.js';
import { voteIn } from './specialty-group-service.js';

/**
 * The demo's specialty groups: the scheme's own example (§3.1), built the way a college would build it. College A
 * runs seven specialties of the 2021 national catalogue (real codes and names; the direction in brackets is the
 * college's), each mapped to the curated posts it serves, with its enrolment, employment rate and employer rating.
 * Its group director has the system group the posts (two groups, consensus method), then moves the posts the
 * automatic grouping put elsewhere — each move with its reason and its recorded quality change, because that is
 * the committee's judgement, not the data's — names the groups and submits the proposal; an enterprise member of
 * the steering committee comments. Nothing is faked: the trail shows what the system proposed and what people
 * changed. Idempotent: a second run finds the proposal by its title and does nothing.
 */

export const DEMO_COLLEGE = '苏州工业信息职业技术学院（演示）';
export const DEMO_PROPOSAL_TITLE = '2026 级专业群组建方案';
export const DEMO_MAIN_GROUP = {
  zh: '工业信息系统开发与运维专业群',
  en: 'Industrial Information System Development and Maintenance Specialty Group',
};
export const DEMO_SECOND_GROUP = {
  zh: '新一代信息技术应用专业群',
  en: 'New-generation IT Applications Specialty Group',
};

interface DemoSpecialty {
  code: string;
  nameZh: string;
  nameEn: string;
  posts: string[];
  enrolment: number;
  employmentRate: number;
  employerRating: number;
}

export const DEMO_SPECIALTIES: readonly DemoSpecialty[] = [
  {
    code: '510213',
    nameZh: '移动应用开发',
    nameEn: 'Mobile Application Development',
    posts: ['ito-mobile-app-development', 'ito-industrial-software-development'],
    enrolment: 420,
    employmentRate: 0.97,
    employerRating: 4.7,
  },
  {
    code: '510203',
    nameZh: '软件技术（软件测试方向）',
    nameEn: 'Software Technology (Software Testing)',
    posts: ['ito-industrial-software-testing', 'ito-industrial-software-development'],
    enrolment: 360,
    employmentRate: 0.95,
    employerRating: 4.5,
  },
  {
    code: '510202',
    nameZh: '计算机网络技术',
    nameEn: 'Computer Network Technology',
    posts: ['ito-cloud-operations', 'ito-information-system-operations'],
    enrolment: 300,
    employmentRate: 0.94,
    employerRating: 4.3,
  },
  {
    code: '510201',
    nameZh: '计算机应用技术（信息系统管理方向）',
    nameEn: 'Computer Application Technology (Information System Management)',
    posts: ['ito-information-system-operations'],
    enrolment: 240,
    employmentRate: 0.93,
    employerRating: 4.2,
  },
  {
    code: '510209',
    nameZh: '人工智能技术应用',
    nameEn: 'Artificial Intelligence Technology Application',
    posts: ['ito-ai-application'],
    enrolment: 180,
    employmentRate: 0.92,
    employerRating: 4.2,
  },
  {
    code: '510212',
    nameZh: '区块链技术应用',
    nameEn: 'Blockchain Technology Application',
    posts: ['ito-blockchain-application'],
    enrolment: 110,
    employmentRate: 0.9,
    employerRating: 4.0,
  },
  {
    code: '510208',
    nameZh: '虚拟现实技术应用',
    nameEn: 'Virtual Reality Technology Application',
    posts: ['ito-vr-ar-development'],
    enrolment: 120,
    employmentRate: 0.91,
    employerRating: 4.1,
  },
];

/** The two groups the college settles on, with why each post belongs where it is moved. */
const MAIN_POSTS: Record<string, string> = {
  'ito-mobile-app-development': '',
  'ito-industrial-software-development':
    '工业软件开发与移动应用开发共用需求分析、接口开发与版本管理，同属工业信息系统的“开发”一端。 · Industrial software and mobile development share requirements analysis, API work and version control: the development end of industrial information systems.',
  'ito-industrial-software-testing':
    '工业软件测试服务的对象正是本群开发的工业 App 与上位机软件，测试与开发同群可共建接口测试、自动化测试课程。 · Industrial software testing serves exactly the apps this group develops; testing beside development lets the group share API and automated-testing courses.',
  'ito-information-system-operations':
    '信息系统运维承接开发交付后的部署、监控与故障处理，构成“开发—测试—运维”完整链条，对应制造企业信息化外包的整包需求。 · Information-system operations takes over deployment, monitoring and incident handling after delivery: the full develop–test–operate chain manufacturers outsource as one package.',
  'ito-cloud-operations':
    '云运维与信息系统运维共享网络、Linux 与监控能力，计算机网络技术专业同时服务两者，宜与运维岗位同群。 · Cloud operations shares networking, Linux and monitoring with information-system operations, and the network specialty serves both.',
};
const SECOND_POSTS: Record<string, string> = {
  'ito-blockchain-application': '',
  'ito-ai-application':
    '人工智能应用与区块链、虚拟现实同属新一代信息技术应用，企业需求以项目制交付为主，与运维链条的岗位能力差异较大。 · AI applications sit with blockchain and VR as new-generation IT applications, bought as projects, far from the operations chain.',
  'ito-vr-ar-development':
    '虚拟现实开发以三维建模与交互设计为核心，与新一代信息技术应用岗位共享实训平台。 · VR development centres on 3D modelling and interaction design and shares its training platform with the new-generation IT posts.',
};

export async function requirePerson(repositories: Repositories, email: string): Promise<Actor> {
  const person = await repositories.people.findByEmail(email);
  if (!person) throw new DomainError('IMPORT_FAILED', `The demo person ${email} is missing.`, { email });
  const memberships = await repositories.memberships.listForPerson(person.id);
  return {
    personId: person.id,
    email: person.email ?? email,
    activeOrganisationId: memberships[0]?.organisationId ?? null,
    memberships: memberships.map((membership) => ({
      organisationId: membership.organisationId,
      roles: membership.roles,
    })),
  };
}

async function reread(repositories: Repositories, id: string): Promise<ProposalRecord> {
  const record = await repositories.groupProposals.find(id);
  if (!record) throw new DomainError('PROPOSAL_NOT_FOUND', 'The demo proposal vanished.', { proposalId: id });
  return record;
}

/** Moves every post of `wanted` into the group of `anchor` (or a new group when the anchor is taken). */
async function gather(
  repositories: Repositories,
  who: ActorSnapshot,
  now: Date,
  id: string,
  wanted: Record<string, string>,
  anchor: string,
  taken: string | null,
): Promise<string> {
  let record = await reread(repositories, id);
  let group = record.assignment[anchor]!;
  if (group === taken) {
    await moveIn(repositories, who, now, record, {
      kind: 'post',
      item: anchor,
      toGroup: 'new',
      reason: SECOND_POSTS[anchor] || '另立新一代信息技术应用方向。 · A group of its own for new-generation IT.',
    });
    record = await reread(repositories, id);
    group = record.assignment[anchor]!;
  }
  for (const [post, reason] of Object.entries(wanted)) {
    if (post === anchor || record.assignment[post] === undefined || record.assignment[post] === group) continue;
    await moveIn(repositories, who, now, record, { kind: 'post', item: post, toGroup: group, reason });
    record = await reread(repositories, id);
  }
  return group;
}

/**
 * Seeds College A's specialties and its submitted specialty-group proposal. Needs the demo dataset and a released
 * curated framework; returns null (and writes nothing) when the proposal exists already.
 */
export async function loadDemoGroups(context: ServiceContext): Promise<{ proposalId: string; groups: number } | null> {
  return context.store.transaction(async (repositories) => {
    const college = await repositories.organisations.findByNameZh(DEMO_COLLEGE);
    if (!college) throw new DomainError('IMPORT_FAILED', `The demo college ${DEMO_COLLEGE} is missing.`, {});
    if (await repositories.groupProposals.findIdByTitle(college.id, DEMO_PROPOSAL_TITLE)) return null;
    const version = await requireCuratedVersion(repositories);
    const known = new Set((await repositories.taxonomy.posts(version.id)).map((post) => post.id));
    const director = await requirePerson(repositories, 'director@demo.zerodock.local');
    const now = context.clock();
    for (const specialty of DEMO_SPECIALTIES) {
      const { code, ...values } = specialty;
      await repositories.collegeSpecialties.upsert(
        college.id,
        code,
        { ...values, posts: values.posts.filter((post) => known.has(post)) },
        director.personId,
        now,
      );
    }
    const who = await snapshotActor(repositories, director, college.id);
    const id = await createProposalIn(repositories, who, now, college.id, {
      titleZh: DEMO_PROPOSAL_TITLE,
      titleEn: 'Specialty groups for the 2026 intake',
      k: 2,
      method: 'consensus',
      scope: 'served',
    });
    const main = await gather(repositories, who, now, id, MAIN_POSTS, 'ito-mobile-app-development', null);
    const second = await gather(repositories, who, now, id, SECOND_POSTS, 'ito-blockchain-application', main);
    const reason = '按学院专业群建设规划命名。 · Named after the college’s specialty-group plan.';
    await renameIn(repositories, who, now, await reread(repositories, id), {
      group: main,
      name: DEMO_MAIN_GROUP,
      reason,
    });
    await renameIn(repositories, who, now, await reread(repositories, id), {
      group: second,
      name: DEMO_SECOND_GROUP,
      reason,
    });
    await submitIn(repositories, who, now, await reread(repositories, id));
    const committee = await requirePerson(repositories, 'committee@demo.zerodock.local');
    await appendEvent(repositories, id, await snapshotActor(repositories, committee, college.id), now, {
      kind: 'commented',
      reason:
        '企业方认可“开发—测试—运维”同群；建议在共享平台课中加入工业协议与数据采集内容。 · The enterprise side agrees with one develop–test–operate group; please add industrial protocols and data acquisition to the shared platform courses.',
    });
    // Two members vote for it; with five seats the quorum is three (the director, of the proposing college,
    // may not vote), so the demo committee member's vote decides it — the desk shows a live vote.
    for (const [email, comment] of [
      [
        'officer@demo.zerodock.local',
        '分组与本市服务外包岗位需求一致。 · The groups match the city’s outsourcing demand.',
      ],
      ['kpo-admin@demo.zerodock.local', '同意；建议后续补充知识产权服务岗位。 · Agreed; add IP-service posts later.'],
    ] as const) {
      await voteIn(
        repositories,
        await requirePerson(repositories, email),
        await reread(repositories, id),
        {
          choice: 'approve',
          comment,
        },
        now,
      );
    }
    const groups = new Set(Object.values((await reread(repositories, id)).assignment)).size;
    return { proposalId: id, groups };
  });
}
