import { readFileSync } from 'node:fs';
import { CARD_RULE, dir, folderCycles, folderEdges, isInside, listTs, longFunctions, SRC, tooLong, violations } from '../helpers/source-rules';

// The rules of DESIGN.md ("Rules"), checked on the sources: module boundaries, a pure platform, channels
// that only translate, pure card builders, files and functions of a readable size, no folder cycles.

/** Known offenders (none today), each with the reason it may stay; a test fails once an entry is fixed. */
const ALLOWED_LONG_FILES: Record<string, string> = {};
const ALLOWED_LONG_FUNCTIONS: Record<string, string> = {};
/** Card builders allowed an import that does I/O (none: cards take view objects). */
const ALLOWED_IMPURE_CARDS: Record<string, string[]> = {};

/** `file -> spec` of a card-rule violation. */
const cardImportOf = (v: string) => `${v.split(' ')[0]} -> ${v.split("'")[1]}`;

function allowedCardImport(v: string): boolean {
  const [file, spec] = cardImportOf(v).split(' -> ');
  return v.includes(CARD_RULE.why) && (ALLOWED_IMPURE_CARDS[file] ?? []).includes(spec);
}

describe('module boundaries and sizes', () => {
  const files = listTs(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('should find the sources of every checked layer', () => {
    for (const scope of ['platform', 'modules', 'platform/cards', 'channels', 'dispatcher']) {
      expect(files.filter(({ file }) => isInside(file, dir(scope))).length).toBeGreaterThan(0);
    }
    expect(files.filter(({ file }) => file.endsWith('.cards.ts')).length).toBeGreaterThan(0);
  });

  it('should have no forbidden imports anywhere under src/', () => {
    const found = files.flatMap(({ file, text }) => violations(file, text));
    expect(found.filter((v) => !allowedCardImport(v))).toEqual([]);
  });

  it('should keep every file within 300 lines, message catalogues excepted', () => {
    expect(files.flatMap(({ file, text }) => tooLong(file, text)).filter((v) => !(v.split(' ')[0] in ALLOWED_LONG_FILES))).toEqual([]);
  });

  it('should keep every function within 60 lines', () => {
    const found = files.flatMap(({ file, text }) => longFunctions(file, text)).filter((f) => !(f.key in ALLOWED_LONG_FUNCTIONS));
    expect(found.map((f) => `${f.key} (${f.lines} lines)`)).toEqual([]);
  });

  it('should have no cycle between folders', () => {
    expect(folderCycles(folderEdges(files))).toEqual([]);
  });

  it('should list no allowed offender that is fixed already (remove it from the allow-list)', () => {
    const longFiles = new Set(files.flatMap(({ file, text }) => tooLong(file, text)).map((v) => v.split(' ')[0]));
    const longFns = new Set(files.flatMap(({ file, text }) => longFunctions(file, text)).map((f) => f.key));
    const impure = new Set(files.flatMap(({ file, text }) => violations(file, text)).filter((v) => v.includes(CARD_RULE.why)).map(cardImportOf));
    const stale = [
      ...Object.keys(ALLOWED_LONG_FILES).filter((f) => !longFiles.has(f)),
      ...Object.keys(ALLOWED_LONG_FUNCTIONS).filter((f) => !longFns.has(f)),
      ...Object.entries(ALLOWED_IMPURE_CARDS).flatMap(([f, specs]) => specs.map((spec) => `${f} -> ${spec}`)).filter((k) => !impure.has(k)),
    ];
    expect(stale).toEqual([]);
  });
});

describe('the import scanners themselves', () => {
  const mod = dir('modules', 'leads', 'sample.ts');

  it('should catch a module reaching past another module index.ts, and let the index through', () => {
    expect(violations(mod, "import { x } from '../tickets/tickets.service';")).toHaveLength(1);
    expect(violations(mod, "export { y } from '../workspaces/ctx';")).toHaveLength(1);
    expect(violations(mod, "import { x } from '../tickets';\nimport { y } from '../workspaces/index';\nimport { z } from './leads.repo';")).toEqual([]);
    expect(violations(dir('dispatcher', 'sample.ts'), "import { x } from '../modules/leads/lead.commands';")).toHaveLength(1);
  });

  it('should catch @slack, channel and dispatcher imports in a module, type-only ones too', () => {
    const text = ["import type { App } from '@slack/bolt';", "export type { X } from '../../channels/wecom/x';", "const m = require('@slack/web-api');", "import { D } from '../../dispatcher/dispatch';"].join('\n');
    expect(violations(mod, text).map((v) => v.split("'")[1])).toEqual(['@slack/bolt', '../../channels/wecom/x', '@slack/web-api', '../../dispatcher/dispatch']);
  });

  it('should keep platform/ away from modules, the dispatcher and channels', () => {
    const p = dir('platform', 'outbox', 'sample.ts');
    expect(violations(p, "import { x } from '../../modules/leads';")).toHaveLength(1);
    expect(violations(p, "import { x } from '../../dispatcher/dispatch';")).toHaveLength(1);
    expect(violations(p, "import { x } from '../../channels/slack/slack-app';")).toHaveLength(1);
    expect(violations(p, "import { x } from '../cards/card';\nimport mongoose from 'mongoose';")).toEqual([]);
  });

  it('should keep channels/ to platform/, the dispatcher and config', () => {
    const c = dir('channels', 'slack', 'sample.ts');
    expect(violations(c, "import { x } from '../../modules/leads';")).toHaveLength(1);
    expect(violations(c, "import { x } from '../../platform/logger';\nimport { y } from '../../dispatcher/types';\nimport { z } from '../../config';\nimport { w } from './render-slack';")).toEqual([]);
  });

  it('should catch I/O in a card builder', () => {
    const card = dir('modules', 'leads', 'sample.cards.ts');
    const bad = ["import mongoose from 'mongoose';", "import { r } from './leads.repo';", "import type { M } from './lead.model';", "import { s } from './leads.service';", "import { c } from '../../platform/db/connection';", "import axios from 'axios';", "import type { KnownBlock } from '@slack/types';"];
    expect(bad.filter((line) => violations(card, line).length === 0)).toEqual([]);
    expect(violations(card, "import { LEAD_ACTIONS } from './lead.ids';\nimport type { Card } from '../../platform/cards/card';")).toEqual([]);
  });

  it('should ignore imports in comments and strings', () => {
    const text = "// import x from '@slack/bolt';\nconst s = \"import y from '@slack/bolt'\";";
    expect(violations(mod, text)).toEqual([]);
  });

  it('should not confuse a folder with a longer name for the forbidden one', () => {
    expect(violations(dir('platform', 'sample.ts'), "import { x } from '../modulesque/plants';")).toEqual([]);
  });

});

describe('the size and cycle scanners themselves', () => {
  it('should catch a file over 300 lines, but not a message catalogue', () => {
    const text = 'const a = 1;\n'.repeat(301);
    expect(tooLong(dir('modules', 'leads', 'sample.ts'), text)).toHaveLength(1);
    expect(tooLong(dir('modules', 'leads', 'sample.ts'), 'const a = 1;\n'.repeat(300))).toEqual([]);
    expect(tooLong(dir('modules', 'leads', 'lead.messages.ts'), text)).toEqual([]);
  });

  it('should catch every kind of function over 60 lines, by name', () => {
    const body = (n: number) => '  x();\n'.repeat(n);
    const text = [
      `function declared() {\n${body(59)}}`,
      `const arrow = () => {\n${body(59)}};`,
      `const expressed = function () {\n${body(59)}};`,
      `class K {\n  method() {\n${body(59)}  }\n}`,
      `function short() {\n${body(58)}}`,
    ].join('\n');
    expect(longFunctions(dir('modules', 'leads', 'sample.ts'), text).map((f) => f.key.split('#')[1])).toEqual(['declared', 'arrow', 'expressed', 'method']);
  });

  it('should catch a cycle between folders, through a third one too', () => {
    const f = (p: string, text: string) => ({ file: dir(p), text });
    const cyclic = [f('modules/a/x.ts', "import '../b/y';"), f('modules/b/y.ts', "import '../c/z';"), f('modules/c/z.ts', "import '../a/x';")];
    expect(folderCycles(folderEdges(cyclic))).toEqual(['modules/a <-> modules/b <-> modules/c']);
    expect(folderCycles(folderEdges([f('modules/a/x.ts', "import '../b/y';"), f('modules/b/y.ts', "import '../../platform/p';")]))).toEqual([]);
    expect(folderCycles(folderEdges([f('app.ts', "import './main';"), f('main.ts', "import './app';")]))).toEqual(['app.ts <-> main.ts']);
  });
});

