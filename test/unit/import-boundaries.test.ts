import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The layering rules of DESIGN.md ("Layers and the direction of imports"), checked on the sources.

const SRC = path.resolve(__dirname, '../../src');
const dir = (...parts: string[]) => path.join(SRC, ...parts);

function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder + path.sep);
}

function listTs(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(folder, e.name);
    if (e.isDirectory()) return listTs(full);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module specifier in the text: import/export (type-only too), require(), import(). */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

const isPackage = (spec: string, name: string) => spec === name || spec.startsWith(`${name}/`);
const isSlackPackage = (spec: string) => spec.startsWith('@slack/');

interface Rule {
  /** Files this rule applies to. */
  scope: string;
  why: string;
  /** Is importing `spec` (resolved to `target` when relative) forbidden? */
  forbids: (spec: string, target: string | null) => boolean;
}

const intoAny =
  (...folders: string[]) =>
  (_spec: string, target: string | null) =>
    target !== null && folders.some((f) => isInside(target, dir(f)));

const RULES: Rule[] = [
  {
    scope: dir('commands'),
    why: 'commands/ is platform-neutral: no @slack/*, mongoose, bot/slack or bot/wecom',
    forbids: (spec, target) =>
      isSlackPackage(spec) ||
      isPackage(spec, 'mongoose') ||
      /(^|\/)bot\/(slack|wecom)(\/|$)/.test(spec) ||
      intoAny('bot/slack', 'bot/wecom')(spec, target),
  },
  { scope: dir('domain'), why: 'domain/ must not depend on bot/, commands/ or jobs/', forbids: intoAny('bot', 'commands', 'jobs') },
  { scope: dir('store'), why: 'store/ must not depend on domain/, commands/ or bot/', forbids: intoAny('domain', 'commands', 'bot') },
  {
    scope: dir('bot', 'cards'),
    why: 'bot/cards is the neutral UI model: no mongoose, no @slack/*',
    forbids: (spec) => isSlackPackage(spec) || isPackage(spec, 'mongoose'),
  },
];

/** The forbidden imports of one file (absolute path) with the given source text. */
function violations(file: string, text: string): string[] {
  const rules = RULES.filter((r) => isInside(file, r.scope));
  return importsOf(text).flatMap((spec) => {
    const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
    return rules.filter((r) => r.forbids(spec, target)).map((r) => `${path.relative(SRC, file)} imports '${spec}' (${r.why})`);
  });
}

/** Value (not `import type`) imports of store/ from commands/: they would use mongoose directly. */
function valueImportsOfStore(file: string, text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)]
    .map((m) => m[1])
    .filter((spec) => spec.startsWith('.') && isInside(path.resolve(path.dirname(file), spec), dir('store')));
}

describe('import boundaries', () => {
  it('should let commands/ use store/ only for types', () => {
    const offenders = listTs(dir('commands')).flatMap((f) => valueImportsOfStore(f, readFileSync(f, 'utf8')).map((s) => `${path.relative(SRC, f)} -> ${s}`));
    expect(offenders).toEqual([]);
    expect(valueImportsOfStore(dir('commands', 'x.ts'), "import { ROLES } from '../store/member.model';")).toHaveLength(1);
    expect(valueImportsOfStore(dir('commands', 'x.ts'), "import type { LeadDoc } from '../store/lead.model';")).toEqual([]);
  });

  const files = listTs(SRC);

  it('should find the sources of every checked layer', () => {
    for (const scope of ['commands', 'domain', 'store', 'bot/cards']) {
      expect(files.filter((f) => isInside(f, dir(scope))).length).toBeGreaterThan(0);
    }
  });

  it('should have no forbidden imports anywhere under src/', () => {
    const found = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('the import scanner itself', () => {
  const cmd = dir('commands', 'sample.ts');

  it('should catch @slack, mongoose and bot/slack imports in commands/, type-only ones too', () => {
    const text = [
      "import type { App } from '@slack/bolt';",
      "import { Types } from 'mongoose';",
      "import { fromSlashCommand } from '../bot/slack/to-bot-request';",
      "export type { X } from '../bot/wecom/x';",
      "const m = require('mongoose/lib/types');",
    ].join('\n');
    expect(violations(cmd, text).map((v) => v.split("'")[1])).toEqual([
      '@slack/bolt',
      'mongoose',
      '../bot/slack/to-bot-request',
      '../bot/wecom/x',
      'mongoose/lib/types',
    ]);
  });

  it('should allow commands/ to use the neutral cards and the domain', () => {
    const text = "import { reply } from '../bot/cards/card';\nimport { t } from '../domain/i18n';\nimport { z } from 'zod';";
    expect(violations(cmd, text)).toEqual([]);
  });

  it('should resolve relative paths to decide which folder they point into', () => {
    const domainFile = dir('domain', 'i18n', 'sample.ts');
    expect(violations(domainFile, "import { x } from '../../commands/types';")).toHaveLength(1);
    expect(violations(domainFile, "import { x } from '../../bot/cards/card';")).toHaveLength(1);
    expect(violations(domainFile, "import { x } from '../../jobs/digest';")).toHaveLength(1);
    // '../commands' from domain/i18n is domain/commands: still inside domain, allowed.
    expect(violations(domainFile, "import { x } from '../commands';")).toEqual([]);
    expect(violations(domainFile, "import { x } from '../../store/lead.model';")).toEqual([]);
  });

  it('should keep store/ away from domain/, commands/ and bot/', () => {
    const storeFile = dir('store', 'sample.repo.ts');
    expect(violations(storeFile, "import { foldCompany } from '../domain/normalize';")).toHaveLength(1);
    expect(violations(storeFile, "import type { Card } from '../bot/cards/card';")).toHaveLength(1);
    expect(violations(storeFile, "import { loadConfig } from '../config';\nimport mongoose from 'mongoose';")).toEqual([]);
  });

  it('should keep bot/cards free of mongoose and @slack', () => {
    const cardFile = dir('bot', 'cards', 'sample.ts');
    expect(violations(cardFile, "import type { KnownBlock } from '@slack/types';")).toHaveLength(1);
    expect(violations(cardFile, "import mongoose from 'mongoose';")).toHaveLength(1);
  });

  it('should ignore imports in comments and strings', () => {
    const text = "// import x from 'mongoose';\nconst s = \"import y from '@slack/bolt'\";";
    expect(violations(cmd, text)).toEqual([]);
  });

  it('should not confuse a folder with a longer name for the forbidden one', () => {
    const domainFile = dir('domain', 'sample.ts');
    expect(violations(domainFile, "import { x } from '../botany/plants';")).toEqual([]);
  });
});
