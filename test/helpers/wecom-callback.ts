import { randomBytes } from 'node:crypto';
import { WecomCallbackCrypto, signature } from '../../src/channels/wecom/wecom-crypto';
import { WECOM_AGENT_ID, WECOM_CORP_ID, WECOM_SECRET } from './wecom-api';

// Builds what WeCom sends: AES-encrypted, SHA-1-signed callbacks (../shared/platforms/wecom.md §1, §4).
export const WECOM_TOKEN = 'test-wecom-token';
export const WECOM_AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
export const WECOM_BOT_TOKEN = 'test-bot-token';
export const WECOM_BOT_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

export const appCrypto = new WecomCallbackCrypto(WECOM_TOKEN, WECOM_AES_KEY, WECOM_CORP_ID);
export const botCrypto = new WecomCallbackCrypto(WECOM_BOT_TOKEN, WECOM_BOT_AES_KEY, '');

const nowSec = () => String(Math.floor(Date.now() / 1000));

export function textXml(from: string, content: string, msgId: string): string {
  return `<xml><ToUserName><![CDATA[${WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${nowSec()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
}

export function cardClickXml(from: string, eventKey: string, taskId: string, responseCode: string, createTime = nowSec()): string {
  return `<xml><ToUserName><![CDATA[${WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${eventKey}]]></EventKey><TaskId><![CDATA[${taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[${responseCode}]]></ResponseCode><AgentID>1000002</AgentID></xml>`;
}

/** "Do it" on a card's dropdown: the clicked button's key plus the chosen option (SelectedItems). */
export function cardPickXml(from: string, eventKey: string, taskId: string, responseCode: string, question: string, optionId: string): string {
  const selected = `<SelectedItems><SelectedItem><QuestionKey><![CDATA[${question}]]></QuestionKey><OptionIds><OptionId><![CDATA[${optionId}]]></OptionId></OptionIds></SelectedItem></SelectedItems>`;
  return cardClickXml(from, eventKey, taskId, responseCode).replace('<AgentID>', `${selected}<AgentID>`);
}

export function menuClickXml(from: string, eventKey: string, createTime = nowSec()): string {
  return `<xml><ToUserName><![CDATA[${WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[click]]></Event><EventKey><![CDATA[${eventKey}]]></EventKey><AgentID>1000002</AgentID></xml>`;
}

/**
 * POSTs an encrypted, signed app callback; `tamper` flips a byte of the ciphertext after signing,
 * `receiveId` encrypts for another corp (correctly signed), `timestamp` signs at another time.
 */
export async function postAppCallback(baseUrl: string, plainXml: string, opts: { tamper?: boolean; badSignature?: boolean; receiveId?: string; timestamp?: string } = {}) {
  const ts = opts.timestamp ?? nowSec();
  const nonce = randomBytes(6).toString('hex');
  const sealer = opts.receiveId === undefined ? appCrypto : new WecomCallbackCrypto(WECOM_TOKEN, WECOM_AES_KEY, opts.receiveId);
  let { encrypt, signature: sig } = sealer.seal(plainXml, ts, nonce);
  if (opts.tamper) {
    const b = Buffer.from(encrypt, 'base64');
    b[5] ^= 0x01;
    encrypt = b.toString('base64');
  }
  if (opts.badSignature) sig = signature('not-the-token', ts, nonce, encrypt);
  const body = `<xml><ToUserName><![CDATA[${WECOM_CORP_ID}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`;
  const qs = new URLSearchParams({ msg_signature: sig, timestamp: ts, nonce });
  const res = await fetch(`${baseUrl}/wecom/callback?${qs}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  return { status: res.status, text: await res.text() };
}

export async function verifyUrl(baseUrl: string, path: string, crypto: WecomCallbackCrypto, token: string, plain: string) {
  const ts = nowSec();
  const nonce = '1234';
  const { encrypt } = crypto.seal(plain, ts, nonce);
  const qs = new URLSearchParams({ msg_signature: signature(token, ts, nonce, encrypt), timestamp: ts, nonce, echostr: encrypt });
  const res = await fetch(`${baseUrl}${path}?${qs}`);
  return { status: res.status, text: await res.text() };
}

/** POSTs an encrypted bot callback and decrypts the passive reply (null when the reply is empty). */
export async function postBotCallback(baseUrl: string, message: Record<string, unknown>) {
  const ts = nowSec();
  const nonce = randomBytes(6).toString('hex');
  const { encrypt, signature: sig } = botCrypto.seal(JSON.stringify(message), ts, nonce);
  const qs = new URLSearchParams({ msg_signature: sig, timestamp: ts, nonce });
  const res = await fetch(`${baseUrl}/wecom/bot?${qs}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encrypt }) });
  const raw = await res.text();
  if (!raw) return { status: res.status, reply: null };
  const env = JSON.parse(raw) as { encrypt: string; msgsignature: string; timestamp: number; nonce: string };
  return { status: res.status, reply: JSON.parse(botCrypto.open(env.msgsignature, String(env.timestamp), env.nonce, env.encrypt)) as Record<string, unknown> };
}

/** The service's environment for the WeCom app and the intelligent bot, against a fake WeCom API at `apiUrl`. */
export function wecomServiceEnv(apiUrl: string): Record<string, string> {
  return {
    WECOM_CORP_ID,
    WECOM_AGENT_ID: String(WECOM_AGENT_ID),
    WECOM_SECRET,
    WECOM_TOKEN,
    WECOM_ENCODING_AES_KEY: WECOM_AES_KEY,
    WECOM_BOT_TOKEN,
    WECOM_BOT_ENCODING_AES_KEY: WECOM_BOT_AES_KEY,
    WECOM_API_BASE_URL: apiUrl,
  };
}
