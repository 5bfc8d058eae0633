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
    scope: dir('platform'),
    why: 'platform/ has no CRM knowledge: it imports no module, no dispatcher, no channel',
    forbids: intoAny('modules', 'dispatcher', 'channels'),
  },
  {
    scope: dir('modules'),
    why: 'modules/ are platform-neutral: no @slack/*, no channels/',
    forbids: (spec, target) => isSlackPackage(spec) || intoAny('channels')(spec, target),
  },
  {
    scope: dir('platform', 'cards'),
    why: 'platform/cards is the neutral UI model: no mongoose, no @slack/*',
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

describe('import boundaries', () => {
  const files = listTs(SRC);

  it('should find the sources of every checked layer', () => {
    for (const scope of ['platform', 'modules', 'platform/cards', 'channels', 'dispatcher']) {
      expect(files.filter((f) => isInside(f, dir(scope))).length).toBeGreaterThan(0);
    }
  });

  it('should have no forbidden imports anywhere under src/', () => {
    const found = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('the import scanner itself', () => {
  const mod = dir('modules', 'leads', 'sample.ts');

  it('should catch @slack and channel imports in a module, type-only ones too', () => {
    const text = ["import type { App } from '@slack/bolt';", "export type { X } from '../../channels/wecom/x';", "const m = require('@slack/web-api');"].join('\n');
    expect(violations(mod, text).map((v) => v.split("'")[1])).toEqual(['@slack/bolt', '../../channels/wecom/x', '@slack/web-api']);
  });

  it('should keep platform/ away from modules, the dispatcher and channels', () => {
    const p = dir('platform', 'outbox', 'sample.ts');
    expect(violations(p, "import { x } from '../../modules/leads';")).toHaveLength(1);
    expect(violations(p, "import { x } from '../../dispatcher/dispatch';")).toHaveLength(1);
    expect(violations(p, "import { x } from '../cards/card';\nimport mongoose from 'mongoose';")).toEqual([]);
  });

  it('should keep platform/cards free of mongoose and @slack', () => {
    const cardFile = dir('platform', 'cards', 'sample.ts');
    expect(violations(cardFile, "import type { KnownBlock } from '@slack/types';")).toHaveLength(1);
    expect(violations(cardFile, "import mongoose from 'mongoose';")).toHaveLength(1);
  });

  it('should ignore imports in comments and strings', () => {
    const text = "// import x from '@slack/bolt';\nconst s = \"import y from '@slack/bolt'\";";
    expect(violations(mod, text)).toEqual([]);
  });

  it('should not confuse a folder with a longer name for the forbidden one', () => {
    expect(violations(dir('platform', 'sample.ts'), "import { x } from '../modulesque/plants';")).toEqual([]);
  });
});
