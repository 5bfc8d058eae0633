// The demo workspace of the local sandbox: who is in it and what they have been selling. Pure data;
// demo-seed.service.ts writes it through the domain services so every rule applies.
import type { Locale } from '../../config';
import type { Role } from '../workspaces';

export const DEMO_WORKSPACE = { platform: 'sandbox', externalId: 'demo', name: 'ChatCRM demo' } as const;

export interface DemoMember {
  /** The sandbox user id (what `@mentions` and DM panes use). */
  id: string;
  name: string;
  role: Role;
  team?: string;
  /** The id of the member they report to. */
  manager?: string;
  locale?: Locale;
}

/** The first one becomes the workspace's admin (the first member of a workspace always does). */
export const DEMO_MEMBERS: DemoMember[] = [
  { id: 'ana', name: 'Ana Souza', role: 'admin', locale: 'en' },
  { id: 'wang.fang', name: '王芳 Wang Fang', role: 'manager', team: 'east', locale: 'zh-CN' },
  { id: 'li.wei', name: '李伟 Li Wei', role: 'rep', team: 'east', manager: 'wang.fang', locale: 'zh-CN' },
  { id: 'sam', name: 'Sam Carter', role: 'rep', team: 'east', manager: 'wang.fang', locale: 'en' },
  { id: 'zhou.min', name: '周敏 Zhou Min', role: 'support', locale: 'zh-CN' },
];

export type DemoInteraction = { kind: 'call' | 'meeting' | 'visit' | 'email' | 'wechat' | 'note'; text: string; daysAgo: number };

export interface DemoLead {
  owner: string;
  /** What the owner typed after `/lead add`. */
  text: string;
  /** Where the lead is now: open stages are reached with setStage, won/lost with markWon/markLost. */
  stage: 'new' | 'contacted' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';
  lostReason?: string;
  interactions?: DemoInteraction[];
  /** The next follow-up, in days from now (negative: already overdue), and what it is. */
  next?: { inDays: number; what: string };
}

export const DEMO_LEADS: DemoLead[] = [
  {
    owner: 'li.wei',
    text: '上海示例科技有限公司；张伟；138 1234 5678；zhang.wei@shexample.cn；来源：展会；金额：5万',
    stage: 'contacted',
    interactions: [{ kind: 'call', text: '介绍了产品，客户对年度套餐感兴趣', daysAgo: 2 }],
    next: { inDays: 2, what: '发送报价' },
  },
  {
    owner: 'li.wei',
    text: '北京云途信息技术有限公司；刘洋；139 1010 2233；liuyang@yuntu.example.cn；来源：官网；金额：12万',
    stage: 'qualified',
    interactions: [
      { kind: 'wechat', text: '加了微信，约好下周开会', daysAgo: 6 },
      { kind: 'meeting', text: '与IT负责人开会，确认50个账号的需求', daysAgo: 1 },
    ],
    next: { inDays: 5, what: '安排产品演示' },
  },
  {
    owner: 'li.wei',
    text: '深圳海川电子股份有限公司；陈静；135 2233 4455；来源：转介绍；金额：30万',
    stage: 'proposal',
    interactions: [{ kind: 'email', text: '已发送方案和报价单', daysAgo: 3 }],
    next: { inDays: 1, what: '电话确认方案反馈' },
  },
  { owner: 'li.wei', text: '杭州绿叶茶业有限公司；王强；186 5566 7788；来源：抖音', stage: 'new' },
  {
    owner: 'li.wei',
    text: '成都天府餐饮管理有限公司；赵敏；137 8899 0011；来源：展会；金额：6万',
    stage: 'won',
    interactions: [{ kind: 'visit', text: '上门签约，首付款已到账', daysAgo: 4 }],
  },
  {
    owner: 'li.wei',
    text: '苏州精工机械有限公司；孙磊；152 3344 5566；来源：电话；金额：8万',
    stage: 'lost',
    lostReason: '预算不足，明年再联系',
    interactions: [{ kind: 'call', text: '客户表示今年没有预算', daysAgo: 9 }],
  },
  {
    owner: 'sam',
    text: 'Acme Ltd; John Smith; john.smith@acme.example; +86 138 0013 8000; source: expo; value: 50k; note: met at the Shanghai expo booth',
    stage: 'new',
  },
  {
    owner: 'sam',
    text: 'Globex Inc; Hank Scorpio; hank@globex.example; source: referral; value: $200k',
    stage: 'proposal',
    interactions: [
      { kind: 'call', text: 'Discovery call: 40 seats, wants single sign-on', daysAgo: 8 },
      { kind: 'meeting', text: 'Demo with their sales ops team; asked for a proposal', daysAgo: 3 },
    ],
    next: { inDays: 3, what: 'walk through the proposal' },
  },
  {
    owner: 'sam',
    text: 'Initech LLC; Bill Lumbergh; bill@initech.example; source: webinar; value: 30k',
    stage: 'contacted',
    interactions: [{ kind: 'email', text: 'Sent the product overview and pricing page', daysAgo: 5 }],
    // Overdue, so the follow-up job (sandbox "Run now") has a nudge to show.
    next: { inDays: -1, what: 'call back about the pricing questions' },
  },
  {
    owner: 'sam',
    text: '广州南方物流集团；黄丽；189 2020 3030；huangli@nanfang-logistics.example.cn；来源：合作伙伴；金额：80万',
    stage: 'negotiation',
    interactions: [{ kind: 'meeting', text: 'Pricing negotiation with their procurement; they want a 3-year deal', daysAgo: 2 }],
    next: { inDays: 4, what: 'send the revised contract' },
  },
  {
    owner: 'sam',
    text: 'Wayne Enterprises; Lucius Fox; lucius@wayne.example; source: website; value: 150k',
    stage: 'lost',
    lostReason: 'went with a competitor',
  },
  {
    owner: 'wang.fang',
    text: 'Umbrella Group; Alice Abernathy; alice@umbrella.example; source: partner; value: 150k',
    stage: 'qualified',
    interactions: [{ kind: 'note', text: 'Budget approved for Q3; decision by the regional director', daysAgo: 7 }],
  },
  {
    owner: 'ana',
    text: 'Stark Industries; Pepper Potts; pepper@stark.example; source: referral; value: 500k',
    stage: 'won',
    interactions: [{ kind: 'meeting', text: 'Contract signed for 200 seats', daysAgo: 1 }],
  },
  { owner: 'sam', text: 'Contoso Ltd; Megan Bowen; megan@contoso.example; source: cold call', stage: 'new' },
];
