/**
 * 专业类 names of the 2021 vocational catalogue (《职业教育专业目录（2021年）》, 教职成〔2021〕2号) for 高职专科, for the
 * 专业大类 the service-outsourcing posts of the curated catalogue are taught in: 电子与信息 (51), 财经商贸 (53),
 * 文化艺术 (55), 新闻传播 (56), 公共管理与服务 (59). A curated subset, so a training plan names its class without
 * the full catalogue being imported (`zerodock import specialties` adds every class, and wins when loaded).
 */
export const HIGHER_VOCATIONAL_CLASSES: Readonly<Record<string, string>> = {
  '5101': '电子信息类',
  '5102': '计算机类',
  '5103': '通信类',
  '5104': '集成电路类',
  '5301': '财政税务类',
  '5302': '金融类',
  '5303': '财务会计类',
  '5304': '统计类',
  '5305': '经济贸易类',
  '5306': '工商管理类',
  '5307': '电子商务类',
  '5308': '物流类',
  '5501': '艺术设计类',
  '5502': '表演艺术类',
  '5503': '民族文化艺术类',
  '5504': '文化服务类',
  '5601': '新闻出版类',
  '5602': '广播影视类',
  '5901': '公共事业类',
  '5902': '公共管理类',
  '5903': '公共服务类',
  '5904': '文秘类',
};
