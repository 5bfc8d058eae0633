// The sandbox page's stylesheet: plain CSS, inlined in the page (no build step, no extra request).
export const SANDBOX_CSS = `
:root { --ink: #1d1c1d; --muted: #616061; --line: #dddddd; --bg: #f8f8f8; --accent: #1264a3; --ok: #2eb67d; --warn: #ecb22e; --err: #e01e5a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
.top { display: flex; flex-wrap: wrap; gap: 12px 24px; justify-content: space-between; align-items: center; padding: 12px 20px; background: #3f0e40; color: #fff; }
.top h1 { margin: 0; font-size: 20px; }
.top .intro { margin: 2px 0 0; opacity: .85; font-size: 13px; }
.controls { display: flex; gap: 16px; flex-wrap: wrap; }
.controls select { margin-left: 6px; padding: 4px 6px; border-radius: 4px; border: 0; font: inherit; }
.layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(280px, 1fr); gap: 20px; padding: 16px 20px; max-width: 1400px; margin: 0 auto; }
/* One column on narrow screens; minmax(0, …) so a wide <pre> scrolls inside instead of widening the page. */
@media (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); } }
@media (max-width: 480px) { .top, .layout { padding-left: 10px; padding-right: 10px; } .controls select { max-width: 60vw; } }
.side-col h2 { font-size: 15px; margin: 16px 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.side-col h2:first-child { margin-top: 0; }
.pane { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin-bottom: 12px; }
.pane > h3 { margin: 0; padding: 8px 12px; font-size: 14px; border-bottom: 1px solid var(--line); background: #fafafa; border-radius: 8px 8px 0 0; }
.messages { padding: 4px 12px; }
#chat-panes .messages { max-height: 62vh; overflow-y: auto; }
.side-col .messages { max-height: 40vh; overflow-y: auto; }
.empty { color: var(--muted); font-size: 13px; }
.msg { padding: 8px 0; border-bottom: 1px solid #f0f0f0; min-width: 0; overflow-wrap: anywhere; }
.msg:last-child { border-bottom: 0; }
.msg-author { font-weight: 700; font-size: 13px; margin-bottom: 4px; }
.msg-member .bubble code { background: #eef4fa; padding: 2px 6px; border-radius: 4px; white-space: pre-wrap; }
.card { border-left: 4px solid #d0d0d0; padding: 6px 10px; margin: 6px 0; background: #fff; }
.card.tone-success { border-left-color: var(--ok); }
.card.tone-warning { border-left-color: var(--warn); background: #fffaf0; }
.card.tone-error { border-left-color: var(--err); background: #fff5f8; }
.card-title { margin: 0 0 4px; font-size: 16px; }
.card-text, .card-context { margin: 4px 0; }
.card-context { color: var(--muted); font-size: 13px; }
.card-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 6px 16px; margin: 6px 0; }
.card-field dt { font-weight: 700; font-size: 13px; }
.card-field dd { margin: 0; overflow-wrap: anywhere; }
.card-lines { list-style: none; padding: 0; margin: 6px 0; }
.card-lines li { padding: 1px 0; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; background: #f4f4f4; padding: 1px 4px; border-radius: 3px; }
.card-actions, .form-buttons { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.btn { font: inherit; font-size: 13px; padding: 4px 12px; border: 1px solid #bbb; border-radius: 4px; background: #fff; cursor: pointer; }
.btn:hover { background: #f4f4f4; }
.btn:disabled { opacity: .5; cursor: wait; }
.btn-primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.btn-primary:hover { background: #148567; }
.btn-danger { background: #fff; border-color: var(--err); color: var(--err); }
.sandbox-form { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: #fcfcff; box-shadow: 0 2px 8px rgba(0,0,0,.06); max-width: 560px; }
.form-title { margin: 0 0 8px; font-size: 16px; }
.form-field { margin-bottom: 8px; display: flex; flex-direction: column; gap: 2px; }
.form-field label { font-weight: 600; font-size: 13px; }
.form-field input, .form-field textarea, .form-field select { font: inherit; padding: 5px 8px; border: 1px solid #bbb; border-radius: 4px; }
.form-field.has-error input, .form-field.has-error textarea, .form-field.has-error select { border-color: var(--err); }
.field-error, .form-errors { color: var(--err); font-size: 13px; margin: 2px 0 0; }
.form-example { color: var(--muted); font-size: 12px; }
.raw { margin-top: 4px; font-size: 12px; }
.raw summary { cursor: pointer; color: var(--accent); }
.raw pre { max-height: 320px; max-width: 100%; overflow: auto; background: #1d1c1d; color: #e8e8e8; padding: 8px; border-radius: 6px; font-size: 11.5px; }
.raw h4 { margin: 8px 0 2px; }
.command-form { display: flex; gap: 8px; margin-top: 8px; }
.command-form textarea { flex: 1; min-width: 0; resize: vertical; min-height: 2.4em; font: inherit; padding: 8px 10px; border: 1px solid #bbb; border-radius: 6px; }
.examples { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 13px; color: var(--muted); }
.chip { font: inherit; font-size: 12px; border: 1px solid var(--line); border-radius: 12px; background: #fff; padding: 2px 10px; cursor: pointer; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.status { min-height: 1.2em; color: var(--err); font-size: 13px; }
.jobs { border: 1px dashed #bbb; border-radius: 8px; padding: 8px 12px; margin-top: 16px; font-size: 13px; color: var(--muted); }
.jobs h2 { margin-top: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
