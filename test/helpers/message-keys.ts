import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Reads the sources for message keys, so the i18n test can check them against the catalogues. tsc
// already rejects an unknown key wherever a parameter is typed MessageKey; this finds what it cannot
// see: keys cast `as MessageKey`, keys built from a prefix (`stage.${s}`), and entries nobody uses.

/** A literal key where a message key is expected, e.g. `ctx.t('lead.created')`. */
export interface KeyUse {
  where: string;
  key: string;
}

/** A key built at run time, e.g. `ctx.t(`stage.${s}`)`: `prefix` is its literal start, `pattern` matches the keys it can be. */
export interface DynamicUse {
  where: string;
  prefix: string;
  pattern: RegExp;
}

export interface SourceScan {
  keys: KeyUse[];
  dynamic: DynamicUse[];
  /** Every string literal in the file, wherever it stands: an entry named by one counts as used. */
  literals: Set<string>;
}

export type Catalogue = Record<string, string>;

const KEY_SHAPE = /^[a-z][\w-]*(\.[\w-]+)+$/;
/** Calls that take a key, and which argument: t(locale, key), userError(code, key), tr(key), fail(key). */
const KEY_ARG = new Map([['t', 1], ['userError', 1], ['tr', 0], ['fail', 0]]);
/** Properties whose value is a key when it looks like one: `{ key: 'error.phone_invalid' }`, `help: 'help.log'`. */
const KEY_PROPS = new Set(['key', 'help']);
const KEY_CAST = /\bMessageKey\b|Parameters<typeof t>\[1\]/;

function keyArgIndex(call: ts.CallExpression): number | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return KEY_ARG.get(callee.text);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 't') return 0; // ctx.t(key)
  return undefined;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templatePattern(node: ts.TemplateExpression): RegExp {
  const parts = [escapeRe(node.head.text), ...node.templateSpans.map((s) => `.+${escapeRe(s.literal.text)}`)];
  return new RegExp(`^${parts.join('')}$`);
}

interface Walk {
  file: string;
  sf: ts.SourceFile;
  scan: SourceScan;
  seen: Set<ts.Node>;
}

const whereOf = (w: Walk, n: ts.Node) => `${w.file}:${w.sf.getLineAndCharacterOfPosition(n.getStart(w.sf)).line + 1}`;

/** Records the keys an expression in a key position can be: through `a ? 'x' : 'y'`, `a ?? 'x'`, casts, parentheses. */
function collect(w: Walk, e: ts.Expression, strict: boolean): void {
  if (w.seen.has(e)) return;
  w.seen.add(e);
  if (ts.isStringLiteralLike(e)) {
    if (strict || KEY_SHAPE.test(e.text)) w.scan.keys.push({ where: whereOf(w, e), key: e.text });
  } else if (ts.isTemplateExpression(e)) {
    if (!strict && !KEY_SHAPE.test(`${e.head.text}x`)) return; // `${base}:channel`: an outbox key, not a message's
    w.scan.dynamic.push({ where: whereOf(w, e), prefix: e.head.text, pattern: templatePattern(e) });
  } else if (ts.isConditionalExpression(e)) {
    collect(w, e.whenTrue, strict);
    collect(w, e.whenFalse, strict);
  } else if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) {
    collect(w, e.left, strict);
    collect(w, e.right, strict);
  } else if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) {
    collect(w, e.expression, strict);
  }
}

/** The expression `n` passes as a key, if it is a key position; `strict`: every string there must be a key. */
function keyPosition(n: ts.Node, sf: ts.SourceFile): { e: ts.Expression; strict: boolean } | undefined {
  if (ts.isCallExpression(n)) {
    const i = keyArgIndex(n);
    return i !== undefined && n.arguments[i] ? { e: n.arguments[i], strict: true } : undefined;
  }
  if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && KEY_PROPS.has(n.name.text)) return { e: n.initializer, strict: false };
  if (ts.isAsExpression(n) && KEY_CAST.test(n.type.getText(sf))) return { e: n.expression, strict: true };
  // `list.title.${kind}` as const: a key typed by its template
  if (ts.isAsExpression(n) && n.type.getText(sf) === 'const' && ts.isTemplateExpression(n.expression)) return { e: n.expression, strict: true };
  return undefined;
}

function scanFile(file: string, text: string): SourceScan {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const w: Walk = { file, sf, scan: { keys: [], dynamic: [], literals: new Set() }, seen: new Set() };
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n)) w.scan.literals.add(n.text);
    const at = keyPosition(n, sf);
    if (at) collect(w, at.e, at.strict);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return w.scan;
}

/** Scans source texts by file name (tests feed samples; scanSources reads src/). */
export function scanTexts(files: Record<string, string>): SourceScan {
  const all: SourceScan = { keys: [], dynamic: [], literals: new Set() };
  for (const [file, text] of Object.entries(files)) {
    const s = scanFile(file, text);
    all.keys.push(...s.keys);
    all.dynamic.push(...s.dynamic);
    for (const l of s.literals) all.literals.add(l);
  }
  return all;
}

function listTs(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(folder, e.name);
    if (e.isDirectory()) return listTs(full);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

export const SRC = path.resolve(__dirname, '../../src');

/** The catalogue files under src/ (`*.messages.ts`). */
export const messageFiles = (): string[] => listTs(SRC).filter((f) => f.endsWith('.messages.ts'));

/** Every source under src/ except the catalogues themselves. */
export function scanSources(): SourceScan {
  const files = listTs(SRC).filter((f) => !f.endsWith('.messages.ts'));
  return scanTexts(Object.fromEntries(files.map((f) => [path.relative(SRC, f), readFileSync(f, 'utf8')])));
}

/** Literal keys that some language lacks, as `where: key (missing in zh-CN)`. */
export function missingKeys(scan: SourceScan, cats: Record<string, Catalogue>): string[] {
  return scan.keys.flatMap((u) =>
    Object.entries(cats)
      .filter(([, cat]) => !(u.key in cat))
      .map(([locale]) => `${u.where}: ${u.key} (missing in ${locale})`),
  );
}

/** Built keys with no literal prefix, or whose prefix no entry of some language has. */
export function badDynamicKeys(scan: SourceScan, cats: Record<string, Catalogue>): string[] {
  return scan.dynamic.flatMap((d) => {
    if (!KEY_SHAPE.test(`${d.prefix}x`)) return [`${d.where}: a built key must start with a literal prefix such as \`stage.\` (got "${d.prefix}")`];
    return Object.entries(cats)
      .filter(([, cat]) => !Object.keys(cat).some((k) => d.pattern.test(k)))
      .map(([locale]) => `${d.where}: no ${locale} entry matches ${d.pattern}`);
  });
}

/** Entries no source names, literally or through a built key, less those `allowed`. */
export function unusedKeys(scan: SourceScan, cat: Catalogue, allowed: readonly string[] = []): string[] {
  return Object.keys(cat).filter((k) => !scan.literals.has(k) && !scan.dynamic.some((d) => d.pattern.test(k)) && !allowed.includes(k));
}

export function placeholders(s: string): string[] {
  return [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/** Keys whose {placeholders} differ between the two languages (or that one language lacks). */
export function placeholderMismatches(a: Catalogue, b: Catalogue): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => !(k in a) || !(k in b) || placeholders(a[k]).join(',') !== placeholders(b[k]).join(','));
}

/** Keys whose message is empty or only blanks. */
export const emptyMessages = (cat: Catalogue): string[] => Object.keys(cat).filter((k) => !cat[k].trim());

/** Keys whose message contains `avoided`. */
export const messagesWith = (cat: Catalogue, avoided: string): string[] => Object.keys(cat).filter((k) => cat[k].includes(avoided));
