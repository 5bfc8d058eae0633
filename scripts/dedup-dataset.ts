import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

// Writes test/fixtures/dedup-dataset.json: bilingual customers as a first rep typed them, re-entries of
// them as a second rep would type them (one variant kind each), and look-alikes that are other customers.
// Fixed seed: the same file every run. `npx tsx scripts/dedup-dataset.ts` (the JSON is committed).

const SEED = 20261201;
const CUSTOMERS_ZH = 80;
const CUSTOMERS_EN = 80;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '建华', '志强', '海燕', '晓东', '丽华', '国庆', '文博', '雪梅', '子涵', '宇航', '嘉怡', '思远', '俊杰'];
const BRAND_ZH = ['华', '星', '瑞', '德', '盛', '恒', '远', '达', '鑫', '祥', '隆', '泰', '安', '新', '博', '创', '嘉', '联', '源', '宏', '信', '腾', '汇', '金', '银', '海', '天', '众', '志', '明'];
const TRADE_ZH = ['科技', '贸易', '电子', '物流', '机械', '食品', '医疗器械', '建材', '软件', '化工', '纺织', '咨询', '传媒', '环保', '汽车配件'];
const CITIES = [['上海', 'Shanghai'], ['北京', 'Beijing'], ['深圳', 'Shenzhen'], ['广州', 'Guangzhou'], ['杭州', 'Hangzhou'], ['苏州', 'Suzhou'], ['成都', 'Chengdu'], ['武汉', 'Wuhan']] as const;
const FIRST = ['James', 'Mary', 'John', 'Linda', 'Robert', 'Susan', 'Michael', 'Karen', 'David', 'Nancy', 'Peter', 'Emma', 'Oliver', 'Sophie', 'Thomas', 'Hannah', 'Daniel', 'Laura', 'Martin', 'Anna'];
const LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Wilson', 'Moore', 'Clark', 'Walker', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell'];
const BRAND_EN = ['Apex', 'Borealis', 'Cobalt', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Ionic', 'Juniper', 'Keystone', 'Lumen', 'Meridian', 'Nimbus', 'Orion', 'Pinnacle', 'Quartz', 'Redwood', 'Summit', 'Titan', 'Umbra', 'Vertex', 'Willow', 'Zenith', 'Aurora', 'Beacon', 'Crescent', 'Dynamo', 'Ember', 'Fjord'];
const BRAND_TAIL = ['', 'bay', 'peak', 'line', 'works', 'point', 'gate', 'field', 'stone', 'wave'];
const TRADE_EN = ['Trading', 'Logistics', 'Software', 'Foods', 'Medical', 'Robotics', 'Textiles', 'Chemicals', 'Consulting', 'Media', 'Energy', 'Components'];
const SUFFIX_EN = ['Ltd', 'Co., Ltd.', 'Inc.', 'Limited', 'Corp', 'LLC', 'GmbH'];
const SUFFIX_SWAP: Record<string, string[]> = {
  Ltd: ['Co., Limited', 'Co.Ltd', 'Limited', 'Ltd.'], 'Co., Ltd.': ['Co.Ltd', 'Company Limited', 'Co., Limited', 'Ltd'], 'Inc.': ['Inc', 'Incorporated', 'Corp.'],
  Limited: ['Ltd.', 'Co., Ltd.', 'Company'], Corp: ['Corporation', 'Corp.', 'Inc'], LLC: ['L.L.C.', 'llc', 'Company'], GmbH: ['GMBH', 'Gmbh', 'AG'],
};

interface Customer { id: number; lang: 'zh' | 'en'; company: string; brand: string; trade: string; city: string; surname: string; given: string; contact: string; phone: string; email: string; ext?: string; text: string }
export interface Row { kind: string; text: string; of: number }

const usedBrands = new Set<string>();
function uniqueBrand(make: () => string): string {
  for (;;) {
    const b = make();
    if (!usedBrands.has(b)) return (usedBrands.add(b), b);
  }
}
const py = (s: string) => pinyin(s, { toneType: 'none', type: 'array', surname: 'head' }).join('');

function zhCustomer(id: number): Customer {
  const brand = uniqueBrand(() => pick(BRAND_ZH) + pick(BRAND_ZH));
  const trade = pick(TRADE_ZH);
  const city = pick(CITIES)[0];
  const [surname, given] = [pick(SURNAMES), pick(GIVEN)];
  const switchboard = id % 8 === 1;
  const phone = switchboard ? `021-6${digits(3)} ${digits(4)}` : `1${pick(['38', '39', '58', '86', '35'])}${digits(8)}`;
  const ext = switchboard ? String(800 + (id % 50)) : undefined;
  const company = `${city}${brand}${trade}有限公司`;
  const email = `${py(surname + given)}@${py(brand)}${id}.cn`;
  const phoneText = ext ? `${phone} 转 ${ext}` : phone;
  return { id, lang: 'zh', company, brand, trade, city, surname, given, contact: surname + given, phone, email, ext, text: `${company}；${surname + given}；${phoneText}；${email}` };
}

function enCustomer(id: number): Customer {
  const brand = uniqueBrand(() => (rand() < 0.35 ? `${pick(BRAND_EN)} & ${pick(BRAND_EN)}` : `${pick(BRAND_EN)}${pick(BRAND_TAIL)}`));
  const trade = pick(TRADE_EN);
  const [given, surname] = [pick(FIRST), pick(LAST)];
  const company = `${brand} ${trade} ${pick(SUFFIX_EN)}`;
  const switchboard = id % 8 === 2;
  const phone = switchboard ? `+44 20 7${digits(3)} ${digits(4)}` : `+1 415 ${String(200 + Math.floor(rand() * 700))} ${digits(4)}`;
  const ext = switchboard ? String(100 + (id % 60)) : undefined;
  const email = `${given}.${surname}@${brand.replace(/[\s&]/g, '').toLowerCase()}${id}.com`.toLowerCase();
  const phoneText = ext ? `${phone} ext. ${ext}` : phone;
  return { id, lang: 'en', company, brand, trade, city: pick(CITIES)[1], surname, given, contact: `${given} ${surname}`, phone, email, ext, text: `${company}; ${given} ${surname}; ${phoneText}; ${email}` };
}

/** A character the IME offers for the same sound (鑫 / 新): what a hurried rep picks by mistake. */
const HOMOPHONES: Record<string, string> = {
  华: '化', 星: '兴', 瑞: '锐', 德: '得', 盛: '胜', 恒: '衡', 远: '源', 达: '大', 鑫: '新', 祥: '翔', 隆: '龙', 泰: '太', 安: '按', 新: '鑫', 博: '搏',
  创: '闯', 嘉: '佳', 联: '连', 源: '远', 宏: '鸿', 信: '新', 腾: '藤', 汇: '惠', 金: '今', 银: '吟', 海: '嗨', 天: '添', 众: '中', 志: '智', 明: '铭',
};
const dotted = (m: string) => `${m.slice(0, 3)}.${m.slice(3, 7)}.${m.slice(7)}`;
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const fullWidthAll = (s: string) => s.replace(/[A-Za-z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const honorific = () => pick(['先生', '女士']);
const zhTitle = (c: Customer) => pick([`${c.contact}经理`, `${c.surname}总`, `${c.surname}${honorific()}`, `${c.contact}主任`, `${c.surname}老师`, `${c.contact}（采购）`]);
const pinyinParts = (c: Customer) => [cap(py(c.surname)), cap(py(c.given))];
const bareCompany = (c: Customer) => `${c.brand}${c.trade}`;

/** A switchboard phone written another way, keeping its extension. */
function switchboardVariant(c: Customer): string {
  const [area, a, b] = [c.phone.split(/[- ]/)[0], ...c.phone.split(/[- ]/).slice(1)];
  if (c.lang === 'zh') return pick([`(${area}) ${a}-${b} 分机 ${c.ext}`, `+86 ${area.slice(1)} ${a} ${b} ext. ${c.ext}`, `${area}${a}${b}#${c.ext}`]);
  return pick([`${c.phone.replace(/ /g, '-')} #${c.ext}`, `${c.phone} x${c.ext}`, `0044 ${c.phone.slice(4)} ext ${c.ext}`]);
}

const ZH_KINDS: Record<string, (c: Customer) => string> = {
  dotted_phone: (c) => `${c.company}；${c.surname}${honorific()}；${c.ext ? switchboardVariant(c) : dotted(c.phone)}`,
  phone_format: (c) => `${bareCompany(c)}；${c.surname}${honorific()}；${c.ext ? switchboardVariant(c) : pick([`+86 ${c.phone.slice(0, 3)} ${c.phone.slice(3, 7)} ${c.phone.slice(7)}`, `0086-${c.phone.slice(0, 3)}-${c.phone.slice(3, 7)}-${c.phone.slice(7)}`, fullWidth(c.phone), `(+86)${c.phone}`])}`,
  email_case: (c) => `${bareCompany(c)}；${c.surname}${honorific()}；${c.email.toUpperCase()}`,
  zh_company_form: (c) => `${pick([`${c.brand}${c.trade}有限公司`, `${c.brand}${c.trade}（${c.city}）有限公司`, `${c.city}市${c.brand}${c.trade}有限公司`, `${c.city}${c.brand}${c.trade}(集团)有限公司`, bareCompany(c), `${c.brand}${c.trade}(${c.city})公司`, `${c.city}${c.brand}${c.trade}股份有限公司`])}；${c.contact}`,
  zh_title: (c) => `${c.company}；${zhTitle(c)}`,
  pinyin_vs_hanzi: (c) => {
    const [s, g] = pinyinParts(c);
    return `${c.company}；${pick([`${s} ${g}`, `${g} ${s}`, `${s.toUpperCase()} ${g}`])}`;
  },
  traditional: (c) => `${toTraditional(c.company)}；${toTraditional(c.contact)}`,
  field_order: (c) => `${c.contact}；电话：${c.ext ? switchboardVariant(c) : c.phone}；${c.company}`,
  // Harder: a wrong character in the company (a homophone typed by the IME), or pinyin typed as one word.
  company_typo: (c) => `${c.city}${c.brand[0]}${HOMOPHONES[c.brand[1]] ?? c.brand[1]}${c.trade}有限公司；${c.contact}`,
  pinyin_one_word: (c) => `${bareCompany(c)}；${pinyinParts(c).join('')}`,
};

function enSuffixVariant(c: Customer): string {
  const suffix = SUFFIX_EN.find((s) => c.company.endsWith(` ${s}`))!;
  const brand = c.brand.replace(' & ', ' and ');
  return `${brand} ${c.trade} ${pick(SUFFIX_SWAP[suffix])}`;
}

const EN_KINDS: Record<string, (c: Customer) => string> = {
  dotted_phone: (c) => `${c.company}; Mr. ${c.surname}; ${c.ext ? switchboardVariant(c) : c.phone.replace(/ /g, '.').replace('+1.', '+1 ')}`,
  phone_format: (c) => `${c.brand} ${c.trade}; ${pick(['Mr.', 'Ms.'])} ${c.surname}; ${c.ext ? switchboardVariant(c) : pick([`(${c.phone.slice(3, 6)}) ${c.phone.slice(7).replace(' ', '-')}`, c.phone.replace(/ /g, '-'), `001 ${c.phone.slice(3)}`])}`,
  email_case: (c) => `${c.brand} ${c.trade}; ${c.given[0]}. ${c.surname}; ${c.email.replace(/^./, (x) => x.toUpperCase()).replace('@', '@').toUpperCase()}`,
  en_suffix: (c) => `${enSuffixVariant(c)}; ${c.contact}`,
  en_title: (c) => `${c.company}; ${pick([`Mr. ${c.contact}`, `${c.contact} (CEO)`, `Dr. ${c.contact}`, `${c.contact} (Purchasing Manager)`, `Ms. ${c.contact}`])}`,
  name_order: (c) => `${c.company}; ${pick([`${c.surname} ${c.given}`, `${c.surname.toUpperCase()} ${c.given}`])}`,
  city_in_name: (c) => `${pick([`${c.brand} ${c.trade} (${c.city}) Co., Ltd.`, `${c.city} ${c.brand} ${c.trade} Ltd`])}; ${c.contact}`,
  case_width: (c) => `${pick([c.company.toUpperCase(), fullWidthAll(c.company.toLowerCase())])}; ${c.contact.toLowerCase()}`,
  field_order: (c) => `${c.email}; ${c.contact}; ${c.company}`,
  // Harder: a letter missing or swapped in the company, the name run together.
  company_typo: (c) => `${typo(c.brand)} ${c.trade} Ltd; ${c.contact}`,
  name_one_word: (c) => `${c.company}; ${c.given}${c.surname}`,
};

/** The word with one letter dropped or two neighbours swapped (never the first letter). */
function typo(word: string): string {
  const i = 1 + Math.floor(rand() * (word.length - 2));
  return rand() < 0.5 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** Customers' names: a look-alike's other person is nobody's contact (else it would be a re-entry of them). */
const CUSTOMER_NAMES = new Set<string>();

function otherPerson(c: Customer, sameSurname = false): { zh: string; en: string } {
  for (;;) {
    const surname = sameSurname ? c.surname : pick(c.lang === 'zh' ? SURNAMES : LAST);
    const given = pick(c.lang === 'zh' ? GIVEN : FIRST);
    if ((surname !== c.surname || sameSurname) && given !== c.given && !CUSTOMER_NAMES.has(c.lang === 'zh' ? surname + given : `${given} ${surname}`)) return { zh: surname + given, en: `${given} ${surname}` };
  }
}
const person = (c: Customer, sameSurname = false) => (c.lang === 'zh' ? otherPerson(c, sameSurname).zh : otherPerson(c, sameSurname).en);

/** A brand one character (zh) or one word (en) away from the customer's, used by no customer. */
function nearBrand(c: Customer): string {
  return uniqueBrand(() => (c.lang === 'zh' ? c.brand[0] + pick(BRAND_ZH) : `${c.brand.split(' ')[0]}${pick(BRAND_TAIL.slice(1))}`));
}

const LOOKALIKES: Record<string, (c: Customer) => string | null> = {
  switchboard_other_ext: (c) => (c.ext ? `${c.company}${c.lang === 'zh' ? '；' : '; '}${person(c)}${c.lang === 'zh' ? '；' : '; '}${c.phone} ${c.lang === 'zh' ? '转' : 'ext.'} ${Number(c.ext) + 1}` : null),
  colleague_other_surname: (c) => `${c.company}${c.lang === 'zh' ? '；' : '; '}${person(c)}`,
  colleague_same_surname: (c) => `${c.company}${c.lang === 'zh' ? '；' : '; '}${person(c, true)}`,
  similar_company_other_person: (c) => (c.lang === 'zh' ? `${nearBrand(c)}${c.trade}有限公司；${person(c)}` : `${nearBrand(c)} ${c.trade} Ltd; ${person(c)}`),
  same_name_other_company: (c) => (c.lang === 'zh' ? `${uniqueBrand(() => pick(BRAND_ZH) + pick(BRAND_ZH))}${pick(TRADE_ZH)}有限公司；${c.contact}` : `${uniqueBrand(() => `${pick(BRAND_EN)}${pick(BRAND_TAIL)}`)} ${pick(TRADE_EN)} Inc.; ${c.contact}`),
  same_core_other_city: (c) => {
    if (c.lang !== 'zh') return `${c.brand} ${c.trade} (${pick(CITIES.filter(([, en]) => en !== c.city))[1]}) Ltd; ${person(c)}`;
    return `${pick(CITIES.filter(([zh]) => zh !== c.city))[0]}${c.brand}${c.trade}有限公司；${person(c)}`;
  },
  free_mail_other_customer: (c) => (c.email.endsWith('@qq.com') || c.email.endsWith('@gmail.com') ? (c.lang === 'zh' ? `${uniqueBrand(() => pick(BRAND_ZH) + pick(BRAND_ZH))}${pick(TRADE_ZH)}；${person(c)}；${digits(6)}@qq.com` : `${uniqueBrand(() => `${pick(BRAND_EN)}${pick(BRAND_TAIL)}`)} ${pick(TRADE_EN)} Ltd; ${person(c)}; x${digits(6)}@gmail.com`) : null),
};

function build() {
  const customers: Customer[] = [];
  for (let i = 0; i < CUSTOMERS_ZH + CUSTOMERS_EN; i++) {
    const c = i % 2 === 0 ? zhCustomer(i + 1) : enCustomer(i + 1);
    // Every tenth customer writes from free mail: the domain then says nothing about the company.
    if (c.id % 10 < 2) {
      const free = c.lang === 'zh' ? `${digits(8)}@qq.com` : `${c.given.toLowerCase()}${digits(3)}@gmail.com`;
      c.text = c.text.replace(c.email, free);
      c.email = free;
    }
    customers.push(c);
    CUSTOMER_NAMES.add(c.contact);
  }
  const reentries: Row[] = [];
  const lookalikes: Row[] = [];
  customers.forEach((c, i) => {
    const kinds = c.lang === 'zh' ? ZH_KINDS : EN_KINDS;
    const names = Object.keys(kinds);
    // Each customer is typed again once, every third twice, cycling through the variant kinds.
    for (const k of i % 3 === 0 ? [i, i + 3] : [i]) reentries.push({ kind: `${c.lang}.${names[Math.floor(k / 2) % names.length]}`, text: kinds[names[Math.floor(k / 2) % names.length]](c), of: c.id });
    const lk = Object.keys(LOOKALIKES);
    for (const name of [lk[i % lk.length], ...(c.ext || c.email.match(/@(qq|gmail)\.com$/) ? [c.ext ? 'switchboard_other_ext' : 'free_mail_other_customer'] : [])]) {
      const text = LOOKALIKES[name](c);
      if (text && !lookalikes.some((l) => l.of === c.id && l.kind.endsWith(name))) lookalikes.push({ kind: `${c.lang}.${name}`, text, of: c.id });
    }
  });
  return { seed: SEED, about: 'Bilingual duplicate-engine dataset: customers, re-entries (same customer typed again), look-alikes (other customers). Written by scripts/dedup-dataset.ts.', customers: customers.map((c) => ({ id: c.id, lang: c.lang, text: c.text })), reentries, lookalikes };
}

const out = path.resolve(__dirname, '../test/fixtures/dedup-dataset.json');
const data = build();
writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`);
process.stdout.write(`${out}: ${data.customers.length} customers, ${data.reentries.length} re-entries, ${data.lookalikes.length} look-alikes\n`);
