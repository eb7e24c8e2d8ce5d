/**
 * 1+X 职业技能等级证书 (vocational skill level certificates of the Ministry of Education's 1+X pilot) for the curated
 * posts whose work one of them certifies, by the certificate's published name. Only certificates on the
 * ministry's published lists are named; a post with no fitting certificate is left out (the plan then names
 * none rather than a guess). A curated mapping, reviewed by hand: extend it with the post's id.
 */
export const POST_CERTIFICATES: Readonly<Record<string, readonly string[]>> = {
  'ito-industrial-software-testing': ['软件测试'],
  'ito-cloud-operations': ['云计算平台运维与开发'],
  'ito-information-system-operations': ['网络系统建设与运维'],
  'ito-mobile-app-development': ['移动应用开发'],
  'ito-ai-application': ['人工智能深度学习工程应用'],
  'ito-vr-ar-development': ['虚拟现实应用开发'],
  'bpo-logistics-warehouse-management': ['物流管理'],
  'bpo-supply-chain-management': ['供应链运营', '物流管理'],
  'bpo-patent-qualification-declaration': ['知识产权管理'],
  'bpo-marketing-sales': ['数字营销技术应用'],
};

/** The certificates of a post, named as the plan prints them (“软件测试”职业技能等级证书 is the caller's wording). */
export function certificatesOfPost(postId: string): readonly string[] {
  return POST_CERTIFICATES[postId] ?? [];
}
