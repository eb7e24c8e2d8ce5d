import {
  blankCompetency,
  DEFAULT_PROFICIENCY_LEVELS,
  type Competency,
  type CompetencyRelation,
  type Post,
  type PostRequirement,
  type TaxonomyBundle,
} from '../core/taxonomy/taxonomy-bundle.js';

/**
 * Test data for interchange formats (STYLE.md: factories with overrides). `buildTestBundle()` is a small but
 * realistic framework version that exercises every competency field: a group node, Chinese-only and
 * English-only labels, aliases, ESCO / O*NET / 1+X codes, a CASE GUID, previous ids, both relation kinds,
 * two posts with job scenes and references, and requirements. Relations are listed competency by competency,
 * broader before related (the order the XLSX workbook reads them back in).
 */
export function buildTestCompetency(overrides: Partial<Competency> & Pick<Competency, 'id'>): Competency {
  return {
    ...blankCompetency(overrides.id, overrides.type ?? 'skill'),
    dimension: 'it',
    labelZh: `能力 ${overrides.id}`,
    labelEn: `Competency ${overrides.id}`,
    ...overrides,
  };
}

export function buildTestPost(overrides: Partial<Post> & Pick<Post, 'id'>): Post {
  return {
    titleZh: `岗位 ${overrides.id}`,
    titleEn: `Post ${overrides.id}`,
    aliasesZh: [],
    aliasesEn: [],
    category: 'ITO',
    subSectorZh: '信息技术外包',
    subSectorEn: 'IT outsourcing',
    descriptionZh: '',
    descriptionEn: '',
    scenes: [],
    references: { escoOccupations: [], isco: [], onetSoc: [], cn2022: [] },
    ...overrides,
  };
}

export function buildTestBundle(overrides: Partial<TaxonomyBundle> = {}): TaxonomyBundle {
  const competencies: Competency[] = [
    buildTestCompetency({
      id: 'it-foundation',
      isGroup: true,
      labelZh: '新一代信息技术能力',
      labelEn: 'New-generation IT skills',
      descriptionZh: '服务外包岗位共同需要的信息技术能力。',
      descriptionEn: 'The IT abilities that service-outsourcing posts share.',
    }),
    buildTestCompetency({
      id: 'python-programming',
      labelZh: 'Python 程序设计',
      labelEn: 'Python programming',
      aliasesZh: ['Python 编程', 'Python开发'],
      aliasesEn: ['Python development', 'Python coding'],
      descriptionZh: '使用 Python 编写、调试和维护数据处理脚本。',
      descriptionEn: 'Writes, debugs and maintains data-processing scripts in Python.',
      escoUri: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
      onetElementId: '2.B.3.e',
      previousIds: ['python-basics'],
    }),
    buildTestCompetency({
      id: 'data-cleaning',
      labelZh: '数据清洗',
      labelEn: 'Data cleansing',
      aliasesZh: ['数据预处理'],
      descriptionZh: '识别并修正数据中的缺失、重复与错误。',
      descriptionEn: 'Finds and fixes missing, duplicate and wrong values in data.',
      escoUri: 'http://data.europa.eu/esco/skill/bf6aba3d-4d8b-4a3e-9a4b-60b6f3b7d9e1',
      xStandardCode: '1+X-2021-045',
    }),
    buildTestCompetency({
      id: 'customer-service-communication',
      dimension: 'service',
      labelZh: '客户服务沟通',
      labelEn: 'Customer service communication',
      aliasesZh: ['客服沟通'],
      aliasesEn: ['Client communication'],
      descriptionZh: '通过电话、在线渠道与客户有效沟通并解决问题。',
      descriptionEn: 'Communicates with customers by phone and online channels and resolves their issues.',
      caseGuid: 'd5f0c8e2-4b1a-4f3e-9a7c-2e8b6f1d0a93',
    }),
    buildTestCompetency({
      id: 'lean-management',
      type: 'knowledge',
      dimension: null,
      labelZh: null,
      labelEn: 'Lean management',
      descriptionEn: 'Principles of lean production and continuous improvement.',
      onetElementId: '2.C.1.e',
    }),
    buildTestCompetency({
      id: 'professional-ethics',
      type: 'attitude',
      dimension: 'quality',
      labelZh: '职业道德',
      labelEn: null,
      aliasesZh: ['职业操守', '诚信守则'],
      descriptionZh: '遵守保密、诚信与服务规范。',
    }),
    buildTestCompetency({
      id: 'business-english',
      dimension: 'language',
      labelZh: '商务英语',
      labelEn: 'Business English',
      aliasesEn: ['English for business'],
      previousIds: ['english-b1', 'english-communication'],
    }),
  ];
  const relations: CompetencyRelation[] = [
    { fromId: 'python-programming', toId: 'it-foundation', kind: 'broader' },
    { fromId: 'data-cleaning', toId: 'it-foundation', kind: 'broader' },
    { fromId: 'data-cleaning', toId: 'python-programming', kind: 'related' },
    { fromId: 'customer-service-communication', toId: 'business-english', kind: 'related' },
  ];
  const posts: Post[] = [
    buildTestPost({
      id: 'data-annotation-specialist',
      titleZh: '数据标注员',
      titleEn: 'Data annotation specialist',
      aliasesZh: ['数据标注师', 'AI 训练师'],
      aliasesEn: ['Data labeller'],
      category: 'KPO',
      subSectorZh: '人工智能数据服务',
      subSectorEn: 'AI data services',
      descriptionZh: '为人工智能模型训练准备、清洗和标注数据。',
      descriptionEn: 'Prepares, cleans and labels data for training AI models.',
      scenes: [
        {
          nameZh: '图像标注',
          nameEn: 'Image annotation',
          descriptionZh: '按标注规范为图像打框、分类。',
          descriptionEn: 'Draws boxes on and classifies images to the annotation guide.',
          tasksZh: ['阅读标注规范', '完成图像拉框标注', '自检并提交'],
          tasksEn: ['Read the annotation guide', 'Draw bounding boxes', 'Self-check and submit'],
        },
        {
          nameZh: '数据质检',
          nameEn: 'Data quality check',
          descriptionZh: '抽检标注结果并反馈问题。',
          descriptionEn: 'Samples labelled data and reports problems.',
          tasksZh: ['按比例抽检', '记录并反馈错误'],
          tasksEn: ['Sample at the agreed rate', 'Log and report errors'],
        },
      ],
      references: {
        escoOccupations: ['http://data.europa.eu/esco/occupation/0c2b7e3a-3e1d-4f6b-8a2f-5d1e9b7c4a10'],
        isco: ['4132'],
        onetSoc: ['43-9021.00'],
        cn2022: ['4-04-05-05'],
      },
    }),
    buildTestPost({
      id: 'it-helpdesk-engineer',
      titleZh: 'IT 服务台工程师',
      titleEn: 'IT help-desk engineer',
      category: 'ITO',
      descriptionZh: '受理并解决用户的 IT 故障与服务请求。',
      descriptionEn: "Takes and resolves users' IT incidents and service requests.",
      scenes: [
        {
          nameZh: '故障受理',
          nameEn: 'Incident intake',
          descriptionZh: '通过电话和工单系统受理故障。',
          descriptionEn: 'Takes incidents by phone and in the ticket system.',
          tasksZh: ['记录故障现象', '初步诊断并分派'],
          tasksEn: ['Record the symptoms', 'Diagnose and dispatch'],
        },
      ],
      references: { escoOccupations: [], isco: ['3512'], onetSoc: ['15-1232.00'], cn2022: [] },
    }),
  ];
  const requirements: PostRequirement[] = [
    { postId: 'data-annotation-specialist', competencyId: 'data-cleaning', essential: true, weight: 0.35, level: 3 },
    {
      postId: 'data-annotation-specialist',
      competencyId: 'python-programming',
      essential: false,
      weight: 0.15,
      level: 2,
    },
    {
      postId: 'data-annotation-specialist',
      competencyId: 'professional-ethics',
      essential: true,
      weight: 0.2,
      level: 4,
    },
    {
      postId: 'it-helpdesk-engineer',
      competencyId: 'customer-service-communication',
      essential: true,
      weight: 1,
      level: 3,
    },
    { postId: 'it-helpdesk-engineer', competencyId: 'business-english', essential: false, weight: 0, level: 1 },
  ];
  return {
    framework: {
      key: 'zerodock',
      label: '2026.1',
      titleZh: '生产性服务外包人才能力框架',
      titleEn: 'Productive Service Outsourcing Competency Framework',
      source: 'curated',
      releaseNotes: '首个版本。\nFirst release.',
    },
    levels: DEFAULT_PROFICIENCY_LEVELS.map((level) => ({ ...level })),
    competencies,
    relations,
    occupations: [],
    occupationLinks: [],
    posts,
    requirements,
    specialties: [],
    ...overrides,
  };
}
