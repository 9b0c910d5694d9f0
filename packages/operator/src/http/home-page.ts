import { html, type SafeHtml } from '@hannun/infra';

/**
 * `GET /`: until the person's web app (issue #8) is served here, a plain page that says what answers on this
 * port and links the docs hub. No script; the app's JSON API is under `/api/`.
 */
export function homePage(o: { readonly docsUrl?: string }): SafeHtml {
  return html`<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>한눈 Hannun</title></head>
<body>
<main>
<h1>한눈 마이데이터</h1>
<p>이 주소는 한눈 앱의 API(<code>/api/…</code>)와 개별인증 콜백(<code>/callback</code>)을 제공합니다. 웹 앱 화면은 준비 중입니다.</p>
<p lang="en">This address serves the Hannun app's API (<code>/api/…</code>) and the individual-authentication callback (<code>/callback</code>). The web app's pages are coming.</p>
${o.docsUrl ? html`<p><a href="${o.docsUrl}">문서 허브 · Docs hub</a></p>` : ''}
</main>
</body>
</html>
`;
}
