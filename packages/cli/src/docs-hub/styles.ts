/**
 * The hub's stylesheet, served from /assets/hub.css (so the CSP can forbid inline styles). Colours meet
 * WCAG AA: body text #1b1f24 on #ffffff (16:1), links #0b57d0 (6.3:1), muted #4a5360 (7.6:1).
 */
export const HUB_CSS = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #4a5360; --link: #0b57d0; --line: #d0d7de; --band: #f3f5f8; --accent: #0b3d91; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", sans-serif; color: var(--fg); background: #fff; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { display: flex; justify-content: space-between; align-items: center; border-bottom: 1px solid var(--line); padding-top: .75rem; padding-bottom: .75rem; }
.brand { font-weight: 700; font-size: 1.25rem; margin: 0; }
.brand a { color: var(--accent); text-decoration: none; }
h1 { font-size: 1.75rem; line-height: 1.3; margin: 1.5rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.alt { color: var(--muted); font-size: .9em; display: block; }
.status-running { font-weight: 700; color: #0a6b2d; }
.status-missing { color: var(--muted); }
.badge { display: inline-block; border: 1px solid #8a5a00; color: #6b4500; border-radius: .25rem; padding: 0 .3rem; font-size: .8em; }
.method { font-weight: 700; }
.toc { columns: 2 16rem; padding-left: 1.25rem; }
form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0 1rem; }
form.search label { display: block; font-weight: 600; width: 100%; }
form.search input[type=search] { font: inherit; padding: .35rem .5rem; border: 1px solid #6e7781; border-radius: .25rem; min-width: 18rem; }
form.search button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .25rem; cursor: pointer; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.depth-1 { padding-left: 1.5rem; } .depth-2 { padding-left: 3rem; } .depth-3 { padding-left: 4.5rem; }
footer { border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
`;
