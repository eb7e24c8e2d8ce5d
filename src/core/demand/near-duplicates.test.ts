import { describe, expect, it } from 'vitest';
import { hammingDistance, NearDuplicateIndex, normaliseForFingerprint, textFingerprint } from './near-duplicates.js';

const english = [
  'We are looking for a cloud operations engineer to run public and private clouds for our manufacturing customers.',
  'You will provision cloud servers, virtual networks and object storage on request and record them in the inventory.',
  'You create standard environments in bulk with Terraform or orchestration templates and keep them up to date.',
  'You set up security groups, access rights and keys following the principle of least privilege.',
  'You carry out scaling, upgrades and configuration changes through the change process and record the outcome.',
  'You maintain containerised deployments and CI/CD pipelines together with the development teams.',
  'You monitor the platforms, answer alerts around the clock in a rota, and fix incidents within the agreed times.',
  'Requirements: three years of experience with Linux administration, shell scripting and at least one public cloud.',
  'Knowledge of Kubernetes, Docker, Prometheus and Grafana is a strong plus; a cloud certification is welcome.',
  'We offer a permanent contract, flexible hours, training budget and a friendly team in the city centre.',
  'Our customers are machine builders, automotive suppliers and electronics plants across the Yangtze River Delta.',
  'Their MES, ERP and industrial internet platforms run in our clouds, so stability and cost both matter to them.',
  'In your first months you shadow a senior engineer, learn our runbooks and take over a small set of customers.',
  'Later you lead migrations of legacy systems to containers and help the customers cut their monthly cloud bill.',
  'You write clear tickets, keep the documentation current and explain technical trade-offs to non-specialists.',
  'English is needed for vendor documentation and calls with our partners; Mandarin is our working language.',
  'Applications with a short letter about a system you kept running, and what went wrong, are read first.',
].join(' ');

const chinese = [
  '岗位职责：',
  '1. 按客户工单在公有云或私有云上开通、配置和变更资源，保证安全与可追溯；',
  '2. 用 Terraform 或资源编排模板批量创建标准环境，并维护环境台账；',
  '3. 配置安全组、访问权限和密钥，执行最小权限原则；',
  '4. 协助开发团队把应用容器化，维护容器化部署与持续集成流水线；',
  '5. 负责云平台的监控告警，参与值班，按时处置故障并撰写复盘报告；',
  '任职要求：',
  '1. 大专及以上学历，计算机相关专业，两年以上 Linux 系统运维经验；',
  '2. 熟悉至少一种公有云平台，熟练编写 Shell 或 Python 脚本；',
  '3. 了解 Kubernetes、Docker、Prometheus 等工具，有云计算认证者优先；',
  '4. 责任心强，善于沟通，能适应轮班。',
].join('\n');

describe('textFingerprint', () => {
  it('is the same for identical texts and for texts that differ only in case, spacing, punctuation or digits', () => {
    expect(textFingerprint(english)).toEqual(textFingerprint(english));
    const reformatted = english.toUpperCase().replace(/\. /g, '!\n\n').replace(/three/g, 'three 3');
    expect(textFingerprint(reformatted)).toEqual(textFingerprint(english));
    const zhReformatted = chinese.replace(/，/g, ', ').replace(/\n/g, ' ').replace(/\d\. /g, '（1）');
    expect(textFingerprint(zhReformatted)).toEqual(textFingerprint(chinese));
    expect(normaliseForFingerprint('Ｃｌｏｕｄ  工程师，薪资 8000-12000 元!')).toBe('cloud工程师薪资元');
  });

  it('moves a few bits for one changed word in a long posting, many bits for a different posting', () => {
    const oneWord = english.replace('friendly team', 'motivated team');
    expect(hammingDistance(textFingerprint(english), textFingerprint(oneWord))).toBeLessThanOrEqual(3);
    const zhOneWord = chinese.replace('善于沟通', '乐于沟通');
    expect(hammingDistance(textFingerprint(chinese), textFingerprint(zhOneWord))).toBeLessThanOrEqual(3);

    const other =
      'Our accounting outsourcing team needs a payroll specialist who prepares monthly payroll, tax filings ' +
      'and social insurance declarations for client companies, answers employee questions and keeps records.';
    expect(hammingDistance(textFingerprint(english), textFingerprint(other))).toBeGreaterThan(10);
  });

  it('gives unsigned 32-bit halves, and zero for a text without letters', () => {
    const { hi, lo } = textFingerprint(english);
    expect(hi).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(2 ** 32);
    expect(lo).toBeLessThan(2 ** 32);
    expect(textFingerprint('12345 !!! ---')).toMatchObject({ hi: 0, lo: 0 });
  });
});

/** The definition the table-driven normalisation must match. */
function referenceNormal(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');
}

describe('normaliseForFingerprint', () => {
  it('equals NFKC, lower case and letters only, for every BMP character and for mixed texts', () => {
    for (let code = 0; code < 0x10000; code++) {
      const character = String.fromCharCode(code);
      const text = `A${character}b`;
      if (normaliseForFingerprint(text) !== referenceNormal(text))
        expect([code, normaliseForFingerprint(text)]).toBe('');
    }
    const pieces = [
      'Ｃｌｏｕｄ',
      'ΣΟΦΙΑ Σ',
      'e\u0301',
      'ｶﾞ',
      'ㄱㅏ',
      '가\u11a8',
      'ﬁ',
      '㈱',
      '㍿',
      'İstanbul',
      '𠮷野家',
      '𝐀𝐁',
      '😀',
      '\ud800',
      '\udc00x',
      '工程师，',
      ' 8000 ',
      'ǅ',
      'ß',
      '\u3038',
    ];
    let seed = 1;
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let piece = 0; piece < 12; piece++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        text += pieces[seed % pieces.length];
      }
      expect(normaliseForFingerprint(text)).toBe(referenceNormal(text));
    }
    const long = english.repeat(30) + chinese.repeat(30);
    expect(normaliseForFingerprint(long)).toBe(referenceNormal(long));
  });

  it('fingerprints a text with context-dependent characters as the same text normalised', () => {
    const decomposed = `${english} Cafe\u0301 ΟΔΟΣ`;
    expect(textFingerprint(decomposed)).toEqual(textFingerprint(referenceNormal(decomposed)));
    expect(textFingerprint('ab')).toEqual(textFingerprint('A B!'));
    expect(textFingerprint('ab')).not.toEqual(textFingerprint('abc'));
  });
});

describe('hammingDistance', () => {
  it('counts differing bits in both halves', () => {
    expect(hammingDistance({ hi: 0, lo: 0 }, { hi: 0xffffffff, lo: 0xffffffff })).toBe(64);
    expect(hammingDistance({ hi: 0b1011, lo: 1 }, { hi: 0b0001, lo: 0 })).toBe(3);
  });
});

describe('NearDuplicateIndex', () => {
  it('finds exact and near repeats of the same enterprise and names the first posting', () => {
    const index = new NearDuplicateIndex();
    expect(index.add('无锡恒信信息技术有限公司', textFingerprint(chinese), 'a')).toBeNull();
    expect(index.add('无锡恒信信息技术有限公司', textFingerprint(chinese), 'b')).toBe('a');
    expect(index.add(' 无锡恒信信息技术有限公司', textFingerprint(chinese.replace('善于沟通', '乐于沟通')), 'c')).toBe(
      'a',
    );
    expect(index.size).toBe(1);
  });

  it('keeps different postings of one enterprise, and the same text from two enterprises', () => {
    const index = new NearDuplicateIndex();
    const other = chinese.replace(/云/g, '数据').replace(/Kubernetes、Docker、Prometheus/, 'Hadoop、Spark、Flink');
    expect(index.add('Acme', textFingerprint(english), 'a')).toBeNull();
    expect(index.add('Acme', textFingerprint(chinese), 'b')).toBeNull();
    expect(
      index.add('Acme', textFingerprint('Payroll specialist for client companies, monthly tax filings.'), 'c'),
    ).toBe(null);
    expect(index.add('Other Co', textFingerprint(english), 'd')).toBeNull();
    expect(index.find('Acme', textFingerprint(other))).toBeNull();
    expect(index.size).toBe(4);
  });

  it('finds every pair within 3 bits through the bands, and none beyond', () => {
    const index = new NearDuplicateIndex();
    const base = { hi: 0x12345678, lo: 0x9abcdef0 };
    index.add('e', base, 'base');
    // 3 flipped bits spread over three bands: the fourth band still agrees.
    expect(index.find('e', { hi: base.hi ^ 0x00010001, lo: base.lo ^ 0x00010000 })).toBe('base');
    // 4 flipped bits, one per band: no band agrees, and 4 > 3 anyway.
    expect(index.find('e', { hi: base.hi ^ 0x00010001, lo: base.lo ^ 0x00010001 })).toBeNull();
  });
});
