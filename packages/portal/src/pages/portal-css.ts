/**
 * The portal pages' only stylesheet, served by the pages service itself (no external assets): readable type,
 * strong contrast (text ≥ 7:1, controls ≥ 4.5:1), a visible focus ring, tables that scroll on small screens.
 */
export const PORTAL_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #444; --line: #b8b8b8; --accent: #0b4fb3; --bad: #9b1c1c; --ok: #135c2e; --soft: #f3f6fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif; color: var(--ink); background: #fff; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; z-index: 1; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 12px 16px; }
header { display: flex; flex-wrap: wrap; gap: 8px 24px; justify-content: space-between; align-items: center; border-bottom: 1px solid var(--line); }
header .brand { margin: 0; font-weight: 700; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0; padding: 0; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
a { color: var(--accent); }
h1 { font-size: 1.6rem; margin: 0.6rem 0; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 0.5rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
caption { text-align: left; font-weight: 700; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, "SF Mono", Consolas, monospace; word-break: break-all; }
.notice { padding: 12px 16px; border-radius: 8px; background: #eaf1fc; border: 1px solid #9fb9e6; }
.success { padding: 12px 16px; border-radius: 8px; background: #e7f5ec; border: 1px solid #8cc7a2; color: var(--ok); }
.error { padding: 12px 16px; border-radius: 8px; background: #fbeaea; border: 1px solid #e0a3a3; color: var(--bad); }
.field-error { color: var(--bad); font-weight: 700; margin: 2px 0 0; }
.hint { color: var(--muted); margin: 2px 0 0; font-size: 0.95rem; }
form.stacked .field { margin: 14px 0; }
label, .label { display: block; font-weight: 700; }
input[type=text], input[type=password], select, textarea { font: inherit; padding: 6px 10px; border: 2px solid #555; border-radius: 6px; width: 100%; max-width: 36rem; background: #fff; color: var(--ink); }
textarea { min-height: 4.5rem; }
[aria-invalid="true"] { border-color: var(--bad); }
.checkbox { display: flex; gap: 8px; align-items: center; font-weight: 700; }
.buttons { display: flex; gap: 12px; flex-wrap: wrap; margin: 18px 0; align-items: center; }
button, .button { font: inherit; font-weight: 700; padding: 8px 18px; border-radius: 8px; border: 2px solid var(--ink); background: #fff; color: var(--ink); cursor: pointer; text-decoration: none; display: inline-block; }
button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.danger { background: var(--bad); border-color: var(--bad); color: #fff; }
form.inline { display: inline; }
.link-button { border: none; background: none; padding: 0; color: var(--accent); text-decoration: underline; font-weight: 400; }
dl.credentials { display: grid; grid-template-columns: minmax(8rem, auto) 1fr; gap: 6px 16px; }
dl.credentials dt { font-weight: 700; }
dl.credentials dd { margin: 0; }
figure { margin: 16px 0 4px; }
figcaption { font-weight: 700; }
svg.chart { width: 100%; max-width: 46rem; height: auto; display: block; }
:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
footer { color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--line); margin-top: 24px; }
`;
