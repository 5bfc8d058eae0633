// The pipeline's stages: their names in each language, and `/crm config stages …` as typed.
import type { Locale } from '../../config';
import { catalogueFor, type MessageKey } from '../../platform/i18n';
import { userError } from '../../platform/errors';

// Built-in stages are named by the catalogue; won and lost close a lead and are never removable.
export const BUILT_IN_STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
export const CLOSED_STAGES = ['won', 'lost'];
const MAX_OPEN = 12;

export interface StageName {
  stage: string;
  en: string;
  zh: string;
}

export interface StageSettings {
  stages?: string[] | null;
  stageNames?: { stage?: string | null; en?: string | null; zh?: string | null }[] | null;
}

/** What a user types after `/crm config stages`: the new pipeline and where leads of removed stages go. */
export interface StagePlan {
  open: string[];
  names: StageName[];
  moves: { from: string; to: string }[];
  /** The list as typed, without its moves (for an example in a refusal). */
  typed: string;
}

const fold = (s: string) => s.trim().normalize('NFKC').toLowerCase();
const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** A stage's name in `locale`: the catalogue's for built-in stages, else the one the admin gave. */
export function stageName(settings: StageSettings | null | undefined, locale: Locale, stage: string): string {
  if (BUILT_IN_STAGES.includes(stage)) return catalogueFor(locale)[`stage.${stage}` as MessageKey];
  const n = settings?.stageNames?.find((x) => x.stage === stage);
  return (locale === 'zh-CN' ? n?.zh || n?.en : n?.en || n?.zh) || stage;
}

/** The stage among `among` that `input` names: its id or its name in either language. */
export function matchStage(settings: StageSettings | null | undefined, among: string[], input: string): string | undefined {
  const wanted = fold(input);
  return among.find((s) => [s, stageName(settings, 'en', s), stageName(settings, 'zh-CN', s)].some((x) => fold(x) === wanted));
}

const badList = () => userError('invalid_input', 'crm.config_bad_value', { name: 'stages', allowed: 'new, contacted, demo|演示, proposal, negotiation' });

/** One typed entry: a known stage by any of its names, or a new one as `English|中文`. */
function readEntry(settings: StageSettings | null | undefined, known: string[], entry: string, unnamed: string[]): StageName | string {
  const parts = entry.split(/[|｜]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 1) {
    const found = matchStage(settings, known, parts[0]);
    if (found) return found;
    unnamed.push(parts[0]);
    return fold(parts[0]);
  }
  if (parts.length !== 2) throw badList();
  // Whichever part is written in Chinese is the Chinese name, in either order.
  const [en, zh] = hasHan(parts[0]) && !hasHan(parts[1]) ? [parts[1], parts[0]] : parts;
  const stage = fold(en).replace(/\s+/g, '-');
  if (BUILT_IN_STAGES.includes(stage)) throw userError('invalid_input', 'crm.stages_builtin_named', { stage });
  return { stage, en, zh };
}

// `settings` names the old stages (moved from); `next` the new ones, with their new names (moved to).
function readMoves(settings: StageSettings | null | undefined, next: StageSettings, text: string, open: string[]): StagePlan['moves'] {
  const moves: StagePlan['moves'] = [];
  for (const piece of text.split(/[,，;；、]|\s+and\s+|\s*(?:move|移动)\s+/i).map((p) => p.trim()).filter(Boolean)) {
    const m = piece.match(/^(.+?)\s*(?:\s+to\s+|到|->|→)\s*(.+)$/i);
    if (!m) throw userError('invalid_input', 'crm.stages_move_unreadable', { text: piece.slice(0, 40) });
    const from = matchStage(settings, settings?.stages ?? [], m[1]) ?? fold(m[1]);
    const to = matchStage(next, open, m[2]);
    if (!to) throw userError('invalid_input', 'crm.stages_move_target', { stage: m[2].slice(0, 30), stages: open.join(', ') });
    // Won and lost always stay, so a pipeline change never reopens a closed lead.
    if (open.includes(from) || CLOSED_STAGES.includes(from)) throw userError('invalid_input', 'crm.stages_move_kept', { stage: from });
    moves.push({ from, to });
  }
  return moves;
}

/** `new, contacted, demo|演示, proposal, negotiation move qualified to demo` -> the plan; throws when unreadable. */
export function parseStagePlan(settings: StageSettings | null | undefined, value: string): StagePlan {
  const at = value.search(/(?:^|[\s,，;；])(?:move|移动)\s/i);
  const listText = at < 0 ? value : value.slice(0, at);
  const movesText = at < 0 ? '' : value.slice(at).replace(/^[\s,，;；]*(?:move|移动)\s+/i, '');
  // Commas separate names that may hold spaces; without any, spaces separate them.
  const sep = /[,，、;；>→]/.test(listText) ? /[,，、;；>→]+/ : /\s+/;
  const known = [...new Set([...BUILT_IN_STAGES, ...(settings?.stages ?? []), ...(settings?.stageNames ?? []).map((n) => n.stage ?? '')])].filter(Boolean);
  const unnamed: string[] = [];
  const entries = listText.split(sep).map((e) => e.trim()).filter(Boolean).map((e) => readEntry(settings, known, e, unnamed));
  if (unnamed.length) throw userError('invalid_input', 'crm.stages_need_names', { stages: unnamed.join(', ') });
  const open = entries.map((e) => (typeof e === 'string' ? e : e.stage)).filter((s) => !CLOSED_STAGES.includes(s));
  const ok = open.length >= 1 && open.length <= MAX_OPEN && new Set(open).size === open.length && open.every((s) => /^[\p{L}\p{N}_-]{1,30}$/u.test(s));
  if (!ok) throw badList();
  const names = entries.filter((e): e is StageName => typeof e !== 'string' && e.en.length <= 40 && e.zh.length <= 40);
  const next = { stages: open, stageNames: mergeNames(settings, names) };
  return { open, names, moves: readMoves(settings, next, movesText, open), typed: listText.trim() };
}

/** The stored names after a change: new names replace old ones; names of removed stages are kept. */
export function mergeNames(settings: StageSettings | null | undefined, names: StageName[]): StageName[] {
  const old = (settings?.stageNames ?? []).map((n) => ({ stage: n.stage ?? '', en: n.en ?? '', zh: n.zh ?? '' }));
  return [...old.filter((o) => !names.some((n) => n.stage === o.stage)), ...names];
}
