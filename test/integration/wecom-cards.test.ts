import { useTestDb } from '../helpers/db';
import { startService, type TestService } from '../helpers/service';
import { FakeWecom, WECOM_AGENT_ID, WECOM_CORP_ID, WECOM_SECRET, type WecomCall } from '../helpers/wecom-api';
import { WECOM_AES_KEY, WECOM_TOKEN, cardClickXml, cardPickXml, postAppCallback, textXml } from '../helpers/wecom-callback';
import { leadByCompany } from '../helpers/app-data';

// The lead card as a WeCom template_card: every word of every button label readable, and the whole
// card in one message when it fits.

useTestDb();
let svc: TestService;
let wecom: FakeWecom;
let msgSeq = 5000;

type Choice = { id: string; text: string };
type Card = {
  card_type: string;
  task_id?: string;
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  button_list?: { text: string; key: string }[];
  button_selection?: { question_key: string; selected_id: string; option_list: Choice[] };
};
const sent = (user: string): WecomCall[] => wecom.called('message/send').filter((c) => c.body.touser === user);

async function say(user: string, content: string): Promise<WecomCall[]> {
  const before = sent(user).length;
  expect((await postAppCallback(svc.url, textXml(user, content, String(++msgSeq)))).status).toBe(200);
  await wecom.waitFor(() => sent(user).length > before);
  await new Promise((r) => setTimeout(r, 300)); // let any follow-up message of the same reply arrive
  return sent(user).slice(before);
}

beforeAll(async () => {
  wecom = await new FakeWecom().start();
  svc = await startService({ WECOM_CORP_ID, WECOM_AGENT_ID: String(WECOM_AGENT_ID), WECOM_SECRET, WECOM_TOKEN, WECOM_ENCODING_AES_KEY: WECOM_AES_KEY, WECOM_API_BASE_URL: wecom.url });
});
afterAll(async () => {
  await svc.close();
  await wecom.stop();
});

describe('the lead card on WeCom', () => {
  it('should show whole button labels and the long contact line in one template_card, in English', async () => {
    await say('peter', 'crm lang en');
    const msgs = await say('peter', 'lead add Harbour Trading Ltd; Peter Lee; +86 138 1234 5678; peter.lee@harbour-trading.example');
    expect(msgs.map((m) => m.body.msgtype)).toEqual(['template_card']);
    const card = msgs[0].body.template_card as Card;
    for (const b of card.button_list!) {
      expect([...b.text].length).toBeLessThanOrEqual(10);
      expect(b.text).not.toContain('…');
    }
    const options = card.button_selection!.option_list.map((o) => o.text);
    expect(options).toEqual(expect.arrayContaining(['Move to Contacted', 'Set follow-up']));
    expect(card.button_list!.map((b) => b.text)).toContain('Do it');
    expect(card.sub_title_text).toContain('Contact: Peter Lee · +86 138 1234 5678 · peter.lee@harbour-trading.example');
  });

  it('should run the action chosen in the dropdown when "Do it" is clicked', async () => {
    const msgs = await say('peter', 'lead add Pick Co Ltd; Pat Kim; pat@pick.example');
    const card = msgs[0].body.template_card as Card;
    const move = card.button_selection!.option_list.find((o) => o.text === 'Move to Contacted')!;
    const doIt = card.button_list!.find((b) => b.text === 'Do it')!;
    const res = await postAppCallback(svc.url, cardPickXml('peter', doIt.key, card.task_id!, 'rc-pick-1', card.button_selection!.question_key, move.id));
    expect(res.status).toBe(200);
    await wecom.waitFor(() => wecom.called('message/update_template_card').some((c) => c.body.response_code === 'rc-pick-1'));
    expect((await leadByCompany('Pick Co Ltd'))!.stage).toBe('contacted');
  });

  it('should do nothing for "Do it" without a chosen option', async () => {
    const msgs = await say('peter', 'lead add Empty Pick Ltd; Em Pick; em@pick.example');
    const card = msgs[0].body.template_card as Card;
    const doIt = card.button_list!.find((b) => b.text === 'Do it')!;
    expect((await postAppCallback(svc.url, cardClickXml('peter', doIt.key, card.task_id!, 'rc-pick-2'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect((await leadByCompany('Empty Pick Ltd'))!.stage).toBe('new');
  });
});
