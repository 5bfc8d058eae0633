import type { Locale } from '../../config';
import { t } from '../../platform/i18n';
import type { DemoMember } from '../../dispatcher/demo';
import { escapeHtml, renderCardsHtml, renderFormHtml } from './render-html';
import { renderMessage, renderModal } from '../slack/render-slack';
import { renderWecomReply } from '../wecom/render-wecom';
import type { FeedMessage } from './sandbox-feed';
import { SANDBOX_CSS } from './sandbox-style';

// The page shell and each message, rendered on the server; the script only places them.

const memberLabel = (locale: Locale, m: DemoMember): string => t(locale, 'sandbox.member', { name: m.name, role: t(locale, `role.${m.role}`) });

const EXAMPLES = [
  '/crm help',
  'lead list',
  '/lead add Northwind Traders; Ada Park; ada@northwind.example; value: 20k; next: friday call back',
  '新建线索 杭州示例科技有限公司；李娜；138 0000 1111；来源：展会',
  '/lead show L-1',
  '/lead add',
  '/crm lang zh-CN',
];

const json = (v: unknown): string => escapeHtml(JSON.stringify(v, null, 2));

function rawJson(msg: FeedMessage, locale: Locale): string {
  const l = msg.locale ?? locale;
  const parts: string[] = [];
  if (msg.cards.length) parts.push(`<h4>${escapeHtml(t(locale, 'sandbox.raw.slack'))}</h4><pre class="raw-slack">${json(renderMessage({ cards: msg.cards, locale: l }))}</pre>`);
  if (msg.form) parts.push(`<h4>${escapeHtml(t(locale, 'sandbox.raw.slack_modal'))}</h4><pre class="raw-slack">${json(renderModal(msg.form))}</pre>`);
  // A fixed task id per message keeps the JSON stable between redraws.
  const wecom = renderWecomReply({ cards: msg.cards, form: msg.form }, { locale: l, taskIdFor: (i) => `sandbox_${msg.id}_${i}` });
  parts.push(`<h4>${escapeHtml(t(locale, 'sandbox.raw.wecom'))}</h4><pre class="raw-wecom">${json(wecom)}</pre>`);
  return `<details class="raw"><summary>${escapeHtml(t(locale, 'sandbox.raw.toggle'))}</summary>${parts.join('')}</details>`;
}

export function renderMessageHtml(msg: FeedMessage, locale: Locale, members: DemoMember[]): string {
  const head = `<article class="msg msg-${msg.from}" data-message-id="${escapeHtml(msg.id)}" data-rev="${msg.rev}">`;
  if (msg.from === 'member') {
    const who = members.find((m) => m.id === msg.author)?.name ?? msg.author ?? '';
    return `${head}<div class="msg-author">${escapeHtml(who)}</div><div class="bubble"><code>${escapeHtml(msg.text ?? '')}</code></div></article>`;
  }
  const form = msg.form
    ? renderFormHtml(msg.form, { locale: msg.locale ?? locale, members, values: msg.formValues, errors: msg.formErrors, idPrefix: msg.id })
    : '';
  return `${head}<div class="msg-author">ChatCRM</div><div class="msg-body">${renderCardsHtml(msg.cards)}${form}</div>${rawJson(msg, locale)}</article>`;
}

export interface PageOptions {
  locale: Locale;
  members: DemoMember[];
  /** The member the page is for (`?as=`); its language is theirs. */
  as?: string;
  /** Scheduled jobs that can be run from the page ("Run now"); none when jobs are off. */
  jobs?: readonly string[];
}

export function renderPage({ locale, members, as = members[0]?.id, jobs = [] }: PageOptions): string {
  const tr: Tr = (k, p) => escapeHtml(t(locale, k, p));
  const asOptions = members.map((m) => `<option value="${escapeHtml(m.id)}"${m.id === as ? ' selected' : ''}>${escapeHtml(memberLabel(locale, m))}</option>`).join('');
  const langs = [['en', 'English'], ['zh-CN', '中文']].map(([v, label]) => `<option value="${v}"${v === locale ? ' selected' : ''}>${label}</option>`).join('');
  const examples = EXAMPLES.map((e) => `<button type="button" class="chip" data-example="${escapeHtml(e)}">${escapeHtml(e)}</button>`).join('');
  // Read by the script; `<` is escaped so no text can close the script element.
  const clientConfig = JSON.stringify({ members: members.map((m) => m.id), as, locale, offline: t(locale, 'sandbox.error.offline') }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${tr('sandbox.title')}</title>
<link rel="icon" href="data:,">
<style>${SANDBOX_CSS}</style>
</head>
<body>
<header class="top">
  <div><h1>${tr('sandbox.title')}</h1><p class="intro">${tr('sandbox.intro')}</p></div>
  <div class="controls">
    <label>${tr('sandbox.as')} <select id="as">${asOptions}</select></label>
    <label>${tr('sandbox.language')} <select id="lang">${langs}</select></label>
  </div>
</header>
<main class="layout">
  <section class="main-col">
    <div id="chat-panes" class="panes"></div>
    <p class="empty" data-empty-for="chat">${tr('sandbox.chat.empty')}</p>
    <form id="command-form" class="command-form" autocomplete="off">
      <label for="command" class="visually-hidden">${tr('sandbox.input.label')}</label>
      <textarea id="command" name="command" rows="1" placeholder="${tr('sandbox.input.placeholder')}"></textarea>
      <button type="submit" class="btn btn-primary">${tr('sandbox.send')}</button>
    </form>
    <div class="examples"><span>${tr('sandbox.examples')}</span> ${examples}</div>
    <p id="status" class="status" role="status"></p>
  </section>
${sidebar(tr, jobs)}
</main>
<script type="application/json" id="sandbox-config">${clientConfig}</script>
<script src="/sandbox/app.js"></script>
</body>
</html>`;
}

type Tr = (k: Parameters<typeof t>[1], p?: Record<string, string>) => string;

/** The side column: direct messages, channels, and the jobs that can be run now. */
function sidebar(tr: Tr, jobs: readonly string[]): string {
  const jobList = jobs
    .map((j) => `<li><span>${tr(`sandbox.jobs.${j}` as Parameters<typeof t>[1])}</span> <button type="button" class="btn" data-job="${escapeHtml(j)}">${tr('sandbox.jobs.run')}</button></li>`)
    .join('');
  return `  <aside class="side-col">
    <h2>${tr('sandbox.dms.title')}</h2>
    <div id="dm-panes" class="panes"></div>
    <p class="empty" data-empty-for="dm">${tr('sandbox.dms.empty')}</p>
    <h2>${tr('sandbox.channels.title')}</h2>
    <div id="channel-panes" class="panes"></div>
    <p class="empty" data-empty-for="channel">${tr('sandbox.channels.empty')}</p>
    <section id="jobs" class="jobs">
      <h2>${tr('sandbox.jobs.title')}</h2>
      ${jobs.length ? `<p>${tr('sandbox.jobs.hint')}</p><ul class="job-list">${jobList}</ul><p id="jobs-status" class="status" role="status"></p>` : `<p>${tr('sandbox.jobs.none')}</p>`}
    </section>
  </aside>`;
}
