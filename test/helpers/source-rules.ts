import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Scanners for the source rules of DESIGN.md, used by test/unit/import-boundaries.test.ts: each reads
// a file's text (or a set of files) and names what breaks a rule, so a test can feed it bad samples.

export const SRC = path.resolve(__dirname, '../../src');
export const dir = (...parts: string[]) => path.join(SRC, ...parts);
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;

export function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder + path.sep);
}

export function listTs(folder: string): string[] {
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

/** The file a relative specifier names (`x.ts` or `x/index.ts` when they exist), else the bare path. */
export function resolve(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const t = path.resolve(path.dirname(file), spec.replace(/\.ts$/, ''));
  if (existsSync(`${t}.ts`)) return `${t}.ts`;
  if (existsSync(path.join(t, 'index.ts'))) return path.join(t, 'index.ts');
  return t;
}

const isPackage = (spec: string, name: string) => spec === name || spec.startsWith(`${name}/`);
const moduleOf = (file: string): string | null => (isInside(file, dir('modules')) && file !== dir('modules') ? path.relative(dir('modules'), file).split(path.sep)[0] : null);

/** `modules/<m>` itself or its index.ts: the only door into a module. */
function isModuleIndex(target: string): boolean {
  const m = moduleOf(target);
  if (!m) return false;
  const inner = path.relative(dir('modules', m), target);
  return inner === '' || inner === 'index' || inner === 'index.ts';
}

interface Rule {
  applies: (file: string) => boolean;
  why: string;
  /** Is importing `spec` (resolved to `target` when relative) forbidden from `file`? */
  forbids: (spec: string, target: string | null, file: string) => boolean;
}

const intoAny = (target: string | null, ...folders: string[]) => target !== null && folders.some((f) => isInside(target, dir(f)));
const IO_PACKAGES = ['mongoose', 'axios', 'mongodb', 'agenda'];

export const CARD_RULE: Rule = {
    applies: (f) => f.endsWith('.cards.ts') || isInside(f, dir('platform', 'cards')),
    why: 'card builders are pure: no mongoose, repos, models, services, platform/db, axios or @slack',
    forbids: (spec, target) =>
      spec.startsWith('@slack/') || IO_PACKAGES.some((p) => isPackage(spec, p)) || /\.(repo|model|service)(\.ts)?$/.test(spec) || intoAny(target, path.join('platform', 'db')),
  };

const RULES: Rule[] = [
  {
    applies: () => true,
    why: 'another module is reached only through its index.ts',
    forbids: (_spec, target, file) => target !== null && moduleOf(target) !== null && moduleOf(target) !== moduleOf(file) && !isModuleIndex(target),
  },
  {
    applies: (f) => isInside(f, dir('platform')),
    why: 'platform/ has no CRM knowledge: it imports no module, no dispatcher, no channel',
    forbids: (_spec, target) => intoAny(target, 'modules', 'dispatcher', 'channels'),
  },
  {
    applies: (f) => isInside(f, dir('modules')),
    why: 'modules/ are platform-neutral: no @slack/*, no channels/, no dispatcher/',
    forbids: (spec, target) => spec.startsWith('@slack/') || intoAny(target, 'channels', 'dispatcher'),
  },
  {
    // The sandbox previews every platform's rendering, so a channel may use a sibling channel's renderer.
    applies: (f) => isInside(f, dir('channels')),
    why: 'channels/ import platform/, the dispatcher and config only, never a module',
    forbids: (_spec, target) => target !== null && !intoAny(target, 'channels', 'platform', 'dispatcher') && target !== dir('config.ts'),
  },
  CARD_RULE,
];

/** Names a file exports, each with the file that defines it (following `export … from`). */
function exportedNames(file: string, seen = new Set<string>()): Map<string, string> {
  const names = new Map<string, string>();
  if (seen.has(file) || !existsSync(file)) return names;
  seen.add(file);
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  for (const n of sf.statements) {
    if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const from = resolve(file, n.moduleSpecifier.text);
      if (!from) continue;
      const inner = exportedNames(from, seen);
      if (!n.exportClause) inner.forEach((f, name) => names.set(name, f));
      else if (ts.isNamedExports(n.exportClause)) n.exportClause.elements.forEach((e) => names.set(e.name.text, inner.get((e.propertyName ?? e.name).text) ?? from));
    } else if (ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      const decl = ts.isVariableStatement(n) ? n.declarationList.declarations.map((d) => d.name) : [(n as ts.DeclarationStatement).name];
      decl.forEach((d) => d && ts.isIdentifier(d) && names.set(d.text, file));
    }
  }
  return names;
}

/** What a card builder takes through a module index: the files that define the names it imports. */
function behindIndexes(file: string, text: string): string[] {
  if (!file.endsWith('.cards.ts')) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const behind = sf.statements.flatMap((n) => {
    if (!ts.isImportDeclaration(n) || !ts.isStringLiteral(n.moduleSpecifier)) return [];
    const target = resolve(file, n.moduleSpecifier.text);
    const named = n.importClause?.namedBindings;
    if (!target || !isModuleIndex(target) || !named || !ts.isNamedImports(named)) return [];
    const defs = exportedNames(target);
    return named.elements.map((e) => defs.get((e.propertyName ?? e.name).text)).filter((f): f is string => !!f && !isModuleIndex(f));
  });
  const specs = behind.map((f) => path.relative(path.dirname(file), f).split(path.sep).join('/').replace(/\.ts$/, ''));
  return [...new Set(specs.map((r) => (r.startsWith('.') ? r : `./${r}`)))];
}

/** The forbidden imports of one file (absolute path) with the given source text. */
export function violations(file: string, text: string): string[] {
  const rules = RULES.filter((r) => r.applies(file));
  const found = (spec: string, checked: Rule[], via = '') => {
    const target = resolve(file, spec);
    return checked.filter((r) => r.forbids(spec, target, file)).map((r) => `${rel(file)} imports '${spec}'${via} (${r.why})`);
  };
  return [...importsOf(text).flatMap((spec) => found(spec, rules)), ...behindIndexes(file, text).flatMap((spec) => found(spec, [CARD_RULE], ' through an index'))];
}

/** Message catalogues may be long: they are lists of sentences, not logic. */
const isCatalogue = (file: string) => file.endsWith('.messages.ts') || file === dir('platform', 'i18n', 'en.ts') || file === dir('platform', 'i18n', 'zh-CN.ts');

export function tooLong(file: string, text: string): string[] {
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return !isCatalogue(file) && lines > MAX_FILE_LINES ? [`${rel(file)} has ${lines} lines (at most ${MAX_FILE_LINES})`] : [];
}

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration | ts.ConstructorDeclaration | ts.AccessorDeclaration;

const isFunction = (n: ts.Node): n is FunctionNode =>
  ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isAccessor(n);

/** A function's name: its own, else what it is assigned to, else `(anonymous)` with its line. */
function nameOf(n: FunctionNode, sf: ts.SourceFile): string {
  if (n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) return n.name.text;
  if (ts.isConstructorDeclaration(n)) return 'constructor';
  const p = n.parent;
  if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && ts.isIdentifier(p.name)) return p.name.text;
  return `(anonymous, line ${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1})`;
}

/** Functions (declarations, expressions, arrows, methods) longer than the limit, as `file#name (n lines)`. */
export function longFunctions(file: string, text: string): { key: string; lines: number }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { key: string; lines: number }[] = [];
  const visit = (n: ts.Node) => {
    if (isFunction(n)) {
      const start = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const lines = sf.getLineAndCharacterOfPosition(n.getEnd()).line - start + 1;
      if (lines > MAX_FUNCTION_LINES) found.push({ key: `${rel(file)}#${nameOf(n, sf)}`, lines });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** The node a file is in the folder graph: its folder, or itself when it sits directly in src/. */
const folderOf = (file: string) => (path.dirname(file) === SRC ? rel(file) : rel(path.dirname(file)));

export function folderEdges(files: { file: string; text: string }[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const { file, text } of files) {
    for (const spec of importsOf(text)) {
      const target = resolve(file, spec);
      if (!target || !isInside(target, SRC)) continue;
      const [a, b] = [folderOf(file), folderOf(target.endsWith('.ts') ? target : `${target}.ts`)];
      if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  return edges;
}

/** Every cycle's folders, one path per strongly connected group (Tarjan). */
export function folderCycles(edges: Map<string, Set<string>>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const strong = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1) cycles.push(group.sort().join(' <-> '));
  };
  for (const v of edges.keys()) if (!index.has(v)) strong(v);
  return cycles;
}

