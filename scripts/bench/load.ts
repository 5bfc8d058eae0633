// The load: real signed `/lead add` slash commands, each for a distinct lead, sent the way Slack sends
// them (form-encoded, signed, with a response_url), `concurrency` at a time.
import { signedHeaders } from './signature';

export interface Target {
  name: string;
  /** Where Slack would POST (the product's and Bolt's /slack/events). */
  url: string;
  secret: string;
  responseUrl(id: string): string;
}

export interface Sample {
  target: string;
  responseId: string;
  /** When it was sent (performance.now()) and how long until the HTTP response was read. */
  started: number;
  ms: number;
  /** HTTP status; 0 when the request failed or timed out. */
  status: number;
  body: string;
}

const REQUEST_TIMEOUT_MS = 30_000;
let leadNo = 0;

/** The text of the next distinct lead: its own company, contact, phone and email. */
export function nextLeadText(): string {
  const i = ++leadNo;
  return `add Bench Co ${i}; Person ${i}; +86 139${String(i).padStart(8, '0')}; p${i}@bench.test; value: 5万`;
}

function slashBody(t: Target, responseId: string, text: string): string {
  return new URLSearchParams({
    token: 'deprecated',
    team_id: 'TBENCH',
    team_domain: 'bench',
    channel_id: 'CBENCH',
    channel_name: 'sales',
    user_id: 'UBENCH',
    user_name: 'bench',
    command: '/lead',
    text,
    api_app_id: 'ABENCH',
    is_enterprise_install: 'false',
    response_url: t.responseUrl(responseId),
    trigger_id: `trigger.${responseId}`,
  }).toString();
}

/** Sends one signed `/lead add` and times it until the whole answer has been read. */
export async function sendLeadAdd(t: Target, responseId: string): Promise<Sample> {
  const body = slashBody(t, responseId, nextLeadText());
  const started = performance.now();
  try {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(t.secret, body) },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return { target: t.name, responseId, started, ms: performance.now() - started, status: res.status, body: text };
  } catch (err) {
    return { target: t.name, responseId, started, ms: performance.now() - started, status: 0, body: err instanceof Error ? err.message : String(err) };
  }
}

let requestNo = 0;

/** Sends `count` requests to `t`, `concurrency` in flight at a time; the samples and when it began. */
export async function runRound(t: Target, count: number, concurrency: number): Promise<{ samples: Sample[]; started: number }> {
  const samples: Sample[] = [];
  let sent = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < count) {
      sent++;
      samples.push(await sendLeadAdd(t, `${t.name}-${++requestNo}`));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { samples, started };
}
