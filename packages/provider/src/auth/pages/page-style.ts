import { createHash } from 'node:crypto';

/** The pages' only style sheet, inline (no external assets); the CSP allows exactly this text by its hash. */
export const PAGE_CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic",sans-serif;line-height:1.55;color:#1b1f24;background:#f4f6f8}
body{margin:0}
header{display:flex;justify-content:space-between;align-items:center;padding:.75rem 1rem;background:#12344d;color:#fff}
header a{color:#fff}
.org{font-weight:700;margin:0}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
h2{font-size:1.05rem;margin:1.25rem 0 .5rem}
form{display:grid;gap:.75rem}
label{font-weight:600}
input[type=text],input[type=password],input[type=date],select{font:inherit;padding:.6rem;border:1px solid #8a96a3;border-radius:.4rem;background:#fff}
input:focus-visible,select:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #f0a020;outline-offset:2px}
fieldset{border:1px solid #c5ced8;border-radius:.5rem;padding:.75rem;margin:0;background:#fff}
legend{font-weight:700;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.35rem 0}
.assets{margin:.25rem 0 .5rem 1.75rem}
.muted{color:#56616d;font-size:.92rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0}
.buttons{display:flex;gap:.75rem;flex-wrap:wrap}
button{font:inherit;padding:.7rem 1.2rem;border-radius:.4rem;border:1px solid #12344d;cursor:pointer}
button.primary{background:#12344d;color:#fff}
button.secondary{background:#fff;color:#12344d}
.error{color:#a4161a;font-weight:600;margin:0}
.demo-sms{border:2px dashed #d17a00;background:#fff7e6;border-radius:.5rem;padding:.75rem}
.demo-sms strong{color:#8a4b00}
`;

export const PAGE_CSS_HASH = `sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}`;
