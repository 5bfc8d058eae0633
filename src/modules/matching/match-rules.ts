// The duplicate engine's rules as data: what a company name, a contact name and an e-mail domain lose
// before they are compared. Change a rule here, not in a pattern somewhere else; raise MATCH_RULES_VERSION
// so the start-up backfill recomputes the stored keys of every lead.

export const MATCH_RULES_VERSION = 1;

/** Chinese legal forms, longest first, stripped from the end (repeatedly: 集团有限公司 = 集团 + 有限公司). */
export const ZH_LEGAL_SUFFIXES = [
  '股份有限公司', '有限责任公司', '集团有限公司', '控股有限公司', '有限公司', '集团公司', '控股集团', '股份公司',
  '总公司', '集团', '公司', '控股',
];

/** English legal forms as words (after punctuation is gone): stripped wherever they stand. */
export const EN_LEGAL_WORDS = [
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'llp', 'ltd', 'limited', 'plc', 'gmbh', 'ag',
  'sa', 's a', 'pte', 'pty', 'bv', 'nv', 'kk', 'group', 'holdings', 'holding', 'the',
];

/** Words joining names that are spelt either way: `&` and `and` (+ 与/和 between two names). */
export const JOINERS = ['and', '&', '+'];

/** Provinces, regions and major cities; stripped as a prefix (with 省/市/自治区 after them) or in brackets anywhere. */
export const ZH_PLACES = [
  '北京', '上海', '天津', '重庆', '广东', '广州', '深圳', '东莞', '佛山', '珠海', '江苏', '南京', '苏州', '无锡', '常州',
  '浙江', '杭州', '宁波', '温州', '嘉兴', '绍兴', '山东', '济南', '青岛', '烟台', '河北', '石家庄', '河南', '郑州',
  '湖北', '武汉', '湖南', '长沙', '四川', '成都', '福建', '福州', '厦门', '泉州', '安徽', '合肥', '江西', '南昌',
  '辽宁', '沈阳', '大连', '吉林', '长春', '黑龙江', '哈尔滨', '陕西', '西安', '山西', '太原', '云南', '昆明', '贵州',
  '贵阳', '广西', '南宁', '海南', '海口', '三亚', '甘肃', '兰州', '青海', '西宁', '宁夏', '银川', '新疆', '乌鲁木齐',
  '内蒙古', '呼和浩特', '西藏', '拉萨', '香港', '澳门', '台湾', '台北', '中国',
];
/** What may follow a place name and goes with it. */
export const ZH_PLACE_MARKERS = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '省', '市', '区'];

/** English place names stripped as words (the pinyin of the cities above, and a few common ones). */
export const EN_PLACES = [
  'beijing', 'shanghai', 'tianjin', 'chongqing', 'guangdong', 'guangzhou', 'shenzhen', 'dongguan', 'foshan', 'zhuhai',
  'jiangsu', 'nanjing', 'suzhou', 'wuxi', 'zhejiang', 'hangzhou', 'ningbo', 'wenzhou', 'shandong', 'jinan', 'qingdao',
  'wuhan', 'changsha', 'chengdu', 'xiamen', 'fuzhou', 'hefei', 'shenyang', 'dalian', 'xian', 'kunming', 'hong kong',
  'hongkong', 'macau', 'taipei', 'china', 'prc', 'singapore', 'london', 'new york', 'tokyo',
];

/** A core shorter than this (in characters) after a place was stripped keeps the place: 上海银行 ≠ 北京银行. */
export const MIN_CORE_AFTER_PLACE = { han: 3, latin: 4 };

/** Titles and honorifics around a contact name: before it (English), after it (Chinese), or in brackets. */
export const EN_TITLES = [
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'ceo', 'cto', 'cfo', 'coo', 'gm', 'vp', 'md',
  'manager', 'director', 'president', 'engineer', 'sales', 'purchasing', 'head',
];
export const ZH_TITLES = [
  '总经理', '副总经理', '董事长', '副总裁', '总裁', '总监', '经理', '主管', '主任', '部长', '处长', '科长', '厂长', '院长',
  '校长', '工程师', '工', '博士', '教授', '老师', '律师', '医生', '先生', '女士', '小姐', '同学', '总', '董', '助理', '秘书', '采购',
];

/** Mail services anyone can sign up to: a shared domain there says nothing about the company. */
export const FREE_MAIL_DOMAINS = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.com.cn',
  'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'mail.com', 'yandex.com',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com',
  '139.com', '189.cn', 'wo.cn', 'tom.com', '21cn.com', 'vip.qq.com', 'vip.163.com', 'vip.sina.com',
];
