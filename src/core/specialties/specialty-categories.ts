/**
 * The 19 专业大类 of the 2021 vocational catalogue for 高职专科 (codes 41–59), so a training plan can name its
 * category when the full catalogue (`zerodock import specialties`) is not loaded. The 类 level has ~100
 * entries and comes only from the imported catalogue.
 */
export const HIGHER_VOCATIONAL_CATEGORIES: Readonly<Record<string, string>> = {
  '41': '农林牧渔大类',
  '42': '资源环境与安全大类',
  '43': '能源动力与材料大类',
  '44': '土木建筑大类',
  '45': '水利大类',
  '46': '装备制造大类',
  '47': '生物与化工大类',
  '48': '轻工纺织大类',
  '49': '食品药品与粮食大类',
  '50': '交通运输大类',
  '51': '电子与信息大类',
  '52': '医药卫生大类',
  '53': '财经商贸大类',
  '54': '旅游大类',
  '55': '文化艺术大类',
  '56': '新闻传播大类',
  '57': '教育与体育大类',
  '58': '公安与司法大类',
  '59': '公共管理与服务大类',
};
