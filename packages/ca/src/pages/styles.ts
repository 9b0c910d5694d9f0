/**
 * The approval page's only stylesheet, served by the page service itself (no external assets). Large
 * type, strong contrast, a visible focus ring, and buttons big enough for a thumb.
 */
export const CA_PAGE_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #444; --line: #bbb; --accent: #0b57d0; --bad: #a50e0e; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; color: var(--ink); background: #fff; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; }
header, main, footer { max-width: 42rem; margin: 0 auto; padding: 12px 16px; }
header { display: flex; justify-content: space-between; align-items: center; border-bottom: 1px solid var(--line); }
header p { margin: 0; font-weight: 700; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.2rem; margin: 1.2rem 0 0.4rem; }
section.consent { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 12px; margin: 16px 0; }
dl { margin: 0; display: grid; grid-template-columns: minmax(7rem, auto) 1fr; gap: 6px 16px; }
dt { font-weight: 700; color: var(--muted); }
dd { margin: 0; }
ul { margin: 0; padding-left: 1.2rem; }
.notice { padding: 12px 16px; border-radius: 8px; background: #eef3fd; border: 1px solid #c5d5f5; }
.error { padding: 12px 16px; border-radius: 8px; background: #fce8e6; border: 1px solid #f1b5ae; color: var(--bad); }
label { display: block; font-weight: 700; margin: 16px 0 4px; }
input[type=password] { font-size: 1.4rem; letter-spacing: 0.4em; padding: 8px 12px; width: 12rem; border: 2px solid var(--ink); border-radius: 6px; }
.hint { color: var(--muted); margin: 4px 0; }
.buttons { display: flex; gap: 12px; margin: 20px 0; flex-wrap: wrap; }
button { font: inherit; font-weight: 700; padding: 12px 24px; border-radius: 8px; border: 2px solid var(--ink); background: #fff; color: var(--ink); cursor: pointer; min-width: 8rem; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
:focus-visible { outline: 3px solid #f29900; outline-offset: 2px; }
footer { color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--line); margin-top: 24px; }
`;
