import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';

// A local stand-in for the WebSocket Slack's `apps.connections.open` points to (FakeSlack hands out its
// URL). The real @slack/socket-mode client (undici's WebSocket) talks to it. The WebSocket
// framing (RFC 6455) is written out here because no WebSocket server package is installed.

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP = { text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (n >= 126 && n < 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(n, 2);
  } else if (n >= 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Reads whole client frames (always masked) off the front of `buf`; returns them and what is left. */
function readFrames(buf: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let at = 0;
  for (;;) {
    if (buf.length - at < 2) break;
    const opcode = buf[at] & 0x0f;
    let len = buf[at + 1] & 0x7f;
    let off = at + 2;
    if (len === 126) {
      if (buf.length < off + 2) break;
      len = buf.readUInt16BE(off);
      off += 2;
    } else if (len === 127) {
      if (buf.length < off + 8) break;
      len = Number(buf.readBigUInt64BE(off));
      off += 8;
    }
    if (buf.length < off + 4 + len) break;
    const mask = buf.subarray(off, off + 4);
    const payload = Buffer.from(buf.subarray(off + 4, off + 4 + len));
    for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
    frames.push({ opcode, payload });
    at = off + 4 + len;
  }
  return { frames, rest: buf.subarray(at) };
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export class FakeSlackSocket {
  /** Every message the app sent on the socket (acks are `{ envelope_id, payload }`). */
  readonly received: SocketAck[] = [];
  private server?: http.Server;
  private socket?: Duplex;
  private ended?: Promise<void>;
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((_req, res) => res.writeHead(426).end());
    this.server.on('upgrade', (req, socket) => this.accept(req, socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=t1`;
    return this;
  }

  private accept(req: http.IncomingMessage, socket: Duplex): void {
    const accept = createHash('sha1').update(`${String(req.headers['sec-websocket-key'])}${GUID}`).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    this.socket = socket;
    this.ended = new Promise((resolve) => socket.once('close', () => resolve()));
    let buf: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([buf, chunk]));
      buf = rest;
      for (const f of frames) {
        if (f.opcode === OP.ping) socket.write(frame(OP.pong, f.payload));
        else if (f.opcode === OP.close) socket.end(frame(OP.close, f.payload));
        else if (f.opcode === OP.text) this.received.push(JSON.parse(f.payload.toString('utf8')) as SocketAck);
      }
    });
    socket.on('error', () => undefined);
    // Slack greets every new connection before sending envelopes.
    this.send({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } });
  }

  send(message: Record<string, unknown>): void {
    this.socket?.write(frame(OP.text, Buffer.from(JSON.stringify(message))));
  }

  /** Pushes a slash command the way Slack does in Socket Mode; returns its envelope id. */
  slashCommand(payload: Record<string, string>): string {
    const envelope_id = `env-${++this.seq}`;
    this.send({ envelope_id, type: 'slash_commands', accepts_response_payload: true, payload });
    return envelope_id;
  }

  /** Pushes an interactivity payload (a button click, a view submission); returns its envelope id. */
  interactive(payload: Record<string, unknown>): string {
    const envelope_id = `env-${++this.seq}`;
    this.send({ envelope_id, type: 'interactive', accepts_response_payload: payload.type === 'view_submission', payload });
    return envelope_id;
  }

  async waitForAck(envelopeId: string, timeoutMs = 5000): Promise<SocketAck> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.received.find((m) => m.envelope_id === envelopeId);
      if (ack) return ack;
      if (Date.now() > end) throw new Error(`no ack for ${envelopeId} on the socket`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    // Bolt's stop() does not wait for the close handshake: let it finish (or the client waits 30 s).
    await Promise.race([this.ended, new Promise((r) => setTimeout(r, 1000))]);
    this.socket?.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
