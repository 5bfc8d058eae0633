import { decrypt as wecomDecrypt, encrypt as wecomEncrypt } from '@wecom/crypto';
import { WecomCallbackCrypto, WecomCryptoError, aesKey, decrypt, encrypt, signature } from '../../src/channels/wecom/wecom-crypto';

// Official vectors, ../shared/platforms/wecom.md §2.
const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
const KEY = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const CORP = 'ww1436e0e65a779aee';
const A = {
  ts: '1476416373',
  nonce: '47744683',
  echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
  sig: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
};
const B = {
  ts: '1476422779',
  nonce: '1597212914',
  encrypt:
    'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+',
  sig: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
  plain:
    '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
};
const E = {
  ts: '1409659813',
  nonce: '1372623149',
  encrypt:
    'cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frBoUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoILdqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=',
  sig: 'e3647471e395139e2308c1fa963f2d648a00b90e',
};

describe('WeCom callback crypto', () => {
  const app = new WecomCallbackCrypto(TOKEN, KEY, CORP);

  it('should verify and decrypt the official URL-verification vector', () => {
    expect(signature(TOKEN, A.ts, A.nonce, A.echostr)).toBe(A.sig);
    expect(app.open(A.sig, A.ts, A.nonce, A.echostr)).toBe('1288432023552776189');
  });

  it('should verify and decrypt the official text-message vector, Chinese included', () => {
    expect(app.open(B.sig, B.ts, B.nonce, B.encrypt)).toBe(B.plain);
  });

  it('should decrypt the JSON-envelope vector even though its plaintext is not valid JSON', () => {
    const plain = app.open(E.sig, E.ts, E.nonce, E.encrypt);
    expect(plain).toContain('"FromUserName": :mycreate"');
    expect(() => JSON.parse(plain)).toThrow();
  });

  it('should re-encrypt vector B byte for byte from its random prefix', () => {
    const random = Buffer.from('694ce5a83ae07fe3');
    expect(encrypt(aesKey(KEY), B.plain, CORP, random)).toBe(B.encrypt);
  });

  it('should refuse a wrong signature before decrypting', () => {
    expect(() => app.open(B.sig.replace(/^0/, '1'), B.ts, B.nonce, B.encrypt)).toThrow(expect.objectContaining({ reason: 'signature' }));
  });

  it('should refuse a ciphertext meant for another corp', () => {
    const other = new WecomCallbackCrypto(TOKEN, KEY, 'wwsomeoneelse');
    expect(() => other.open(B.sig, B.ts, B.nonce, B.encrypt)).toThrow(expect.objectContaining({ reason: 'receive_id' }));
  });

  it('should refuse a correctly signed body encrypted with another key (bad padding or length)', () => {
    const otherKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const enc = encrypt(aesKey(otherKey), 'hello', CORP);
    const sig = signature(TOKEN, '1', '2', enc);
    expect(() => app.open(sig, '1', '2', enc)).toThrow(WecomCryptoError);
  });

  it('should refuse a tampered ciphertext even with a recomputed signature', () => {
    const bytes = Buffer.from(B.encrypt, 'base64');
    bytes[bytes.length - 1] ^= 0xff;
    const tampered = bytes.toString('base64');
    expect(() => app.open(signature(TOKEN, B.ts, B.nonce, tampered), B.ts, B.nonce, tampered)).toThrow(WecomCryptoError);
  });

  it('should pad a message whose length is already a multiple of 32 with a full block', () => {
    // 16 random + 4 length + 12 message = 32 bytes; receive id '' keeps it there.
    const enc = encrypt(aesKey(KEY), 'x'.repeat(12), '', Buffer.alloc(16, 1));
    expect(Buffer.from(enc, 'base64')).toHaveLength(64);
    expect(decrypt(aesKey(KEY), enc, '')).toBe('x'.repeat(12));
  });

  it('should round-trip a message built with @wecom/crypto, and @wecom/crypto should read ours', () => {
    const theirs = wecomEncrypt(KEY, '{"msgtype":"text","text":{"content":"@ChatCRM 帮助"}}', '');
    expect(new WecomCallbackCrypto(TOKEN, KEY, '').open(signature(TOKEN, '9', '8', theirs), '9', '8', theirs)).toBe('{"msgtype":"text","text":{"content":"@ChatCRM 帮助"}}');
    const ours = encrypt(aesKey(KEY), '线索 新增', CORP);
    expect(wecomDecrypt(KEY, ours)).toMatchObject({ message: '线索 新增', id: CORP });
  });

  it('should refuse a ciphertext of whole AES blocks that is not whole 32-byte blocks', () => {
    // 48 bytes: valid for AES (3 × 16) but WeCom always pads to 32-byte blocks.
    const enc = Buffer.from(encrypt(aesKey(KEY), 'x'.repeat(40), CORP), 'base64').subarray(0, 48).toString('base64');
    expect(() => decrypt(aesKey(KEY), enc, CORP)).toThrow(expect.objectContaining({ reason: 'length' }));
  });

  it('should refuse a callback signed longer ago than the allowed age, and accept a fresh one', () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const { encrypt: enc, signature: sig } = app.seal('<xml/>', ts, 'n');
    expect(app.open(sig, ts, 'n', enc, { maxAgeMs: 60_000 })).toBe('<xml/>');
    expect(() => app.open(sig, ts, 'n', enc, { maxAgeMs: 60_000, now: Date.now() + 120_000 })).toThrow(expect.objectContaining({ reason: 'timestamp' }));
    expect(() => app.open(sig, ts, 'n', enc, { maxAgeMs: 60_000, now: Date.now() - 120_000 })).toThrow(expect.objectContaining({ reason: 'timestamp' }));
    const bad = signature(TOKEN, 'soon', 'n', enc);
    expect(() => app.open(bad, 'soon', 'n', enc, { maxAgeMs: 60_000 })).toThrow(expect.objectContaining({ reason: 'timestamp' }));
  });

  it('should reject an EncodingAESKey that is not 43 letters and digits', () => {
    expect(() => aesKey('short')).toThrow(expect.objectContaining({ reason: 'key' }));
  });
});
