import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// WeCom callback crypto, as WeCom's callback documentation defines it: SHA-1 signature over the sorted
// (token, timestamp, nonce, ciphertext), AES-256-CBC with IV = key[0..16), PKCS#7 padding to 32-byte
// blocks, plaintext = random16 ‖ uint32 BE length ‖ message ‖ receiveId. Unlike @wecom/crypto, every
// step here is checked: padding, length prefix and receive id.

export class WecomCryptoError extends Error {
  constructor(
    readonly reason: 'signature' | 'key' | 'base64' | 'padding' | 'length' | 'receive_id' | 'timestamp',
    message: string,
  ) {
    super(message);
    this.name = 'WecomCryptoError';
  }
}

const BLOCK = 32;

export function signature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');
}

export function aesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new WecomCryptoError('key', 'EncodingAESKey must be 43 letters and digits');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WecomCryptoError('key', 'EncodingAESKey does not decode to 32 bytes');
  return key;
}

export function decrypt(key: Buffer, b64: string, receiveId: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw new WecomCryptoError('base64', 'ciphertext is not base64');
  const data = Buffer.from(b64, 'base64');
  // WeCom pads to 32-byte blocks (not AES's 16), so the ciphertext is a whole number of them.
  if (data.length === 0 || data.length % BLOCK !== 0) throw new WecomCryptoError('length', 'ciphertext length is not a multiple of 32 bytes');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > BLOCK || pad > plain.length || !plain.subarray(plain.length - pad).every((b) => b === pad)) {
    throw new WecomCryptoError('padding', 'invalid PKCS#7 padding');
  }
  const body = plain.subarray(0, plain.length - pad);
  if (body.length < 20) throw new WecomCryptoError('length', 'plaintext too short');
  const len = body.readUInt32BE(16);
  if (20 + len > body.length) throw new WecomCryptoError('length', 'length prefix longer than the plaintext');
  const id = body.subarray(20 + len).toString('utf8');
  if (id !== receiveId) throw new WecomCryptoError('receive_id', 'receive id does not match');
  return body.subarray(20, 20 + len).toString('utf8');
}

export function encrypt(key: Buffer, message: string, receiveId: string, random: Buffer = randomBytes(16)): string {
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const body = Buffer.concat([random, len, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = BLOCK - (body.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** One callback endpoint's secrets: the self-built app (receive id = CorpID) or the bot (""). */
export class WecomCallbackCrypto {
  private readonly key: Buffer;

  constructor(
    private readonly token: string,
    encodingAesKey: string,
    private readonly receiveId: string,
  ) {
    this.key = aesKey(encodingAesKey);
  }

  /**
   * Checks the signature first (constant time), then decrypts with every check on. With `maxAgeMs`, a
   * callback signed longer ago than that (or that far in the future) is refused: a replay.
   */
  open(msgSignature: string, timestamp: string, nonce: string, encrypted: string, opts: { maxAgeMs?: number; now?: number } = {}): string {
    const expected = Buffer.from(signature(this.token, timestamp, nonce, encrypted));
    const given = Buffer.from(String(msgSignature).toLowerCase());
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new WecomCryptoError('signature', 'signature mismatch');
    if (opts.maxAgeMs !== undefined) {
      const ageMs = (opts.now ?? Date.now()) - Number(timestamp) * 1000;
      if (!Number.isFinite(ageMs) || Math.abs(ageMs) > opts.maxAgeMs) throw new WecomCryptoError('timestamp', 'timestamp too old or too far ahead');
    }
    return decrypt(this.key, encrypted, this.receiveId);
  }

  seal(message: string, timestamp: string, nonce: string): { encrypt: string; signature: string } {
    const enc = encrypt(this.key, message, this.receiveId);
    return { encrypt: enc, signature: signature(this.token, timestamp, nonce, enc) };
  }
}
