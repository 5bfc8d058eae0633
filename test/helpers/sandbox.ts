import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/platform/logger';

export interface SandboxService {
  url: string;
  config: Config;
  close(): Promise<void>;
}

/** The real app with the sandbox on (no platform configured), on a loopback port. */
export async function startSandbox(env: Record<string, string> = {}, mongoUri?: string, logger: Logger = createLogger('silent')): Promise<SandboxService> {
  const config = loadConfig({ HOST: '127.0.0.1', DEFAULT_LOCALE: 'en', ...env });
  // With a database URI the scheduled jobs exist too (built, not started), for the "Run now" buttons.
  const { app } = createApp({ config, logger, mongoUri });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    config,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JSON POST to the sandbox API; the parsed answer and the status. */
export async function sandboxPost<T = Record<string, unknown>>(svc: { url: string }, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${svc.url}/sandbox/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * Debian's Chromium (apt-get install chromium; .ci/run installs it when missing), driven by
 * playwright-core: no browser is ever downloaded. The flags keep it off this machine's closed network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}
