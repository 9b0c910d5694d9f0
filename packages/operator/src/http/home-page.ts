import { html, type SafeHtml } from '@hannun/infra';

/**
 * What `/` answers when the web app is not built (`packages/app/dist` missing): what happened and how to fix it.
 * `hannun up` builds the app before the operator starts, so a person meets this page only when that build failed.
 */
export function appMissingPage(o: { readonly docsUrl?: string }): SafeHtml {
  return html`<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>한눈 Hannun: 앱을 준비하지 못했습니다</title></head>
<body>
<main>
<h1>웹 앱을 준비하지 못했습니다</h1>
<p>한눈 웹 앱의 빌드(<code>packages/app/dist</code>)가 없습니다. <code>npm start</code>를 다시 실행하면 시작할 때 빌드합니다. 그래도 이 화면이 보이면 실행 로그에서 "web app" 오류를 확인하세요. API(<code>/api/…</code>)와 개별인증 콜백(<code>/callback</code>)은 정상 동작합니다.</p>
<p lang="en">The Hannun web app is not built (<code>packages/app/dist</code> is missing). Run <code>npm start</code> again: it builds the app at start. If this page stays, look for the "web app" error in the log. The API (<code>/api/…</code>) and the individual-authentication callback (<code>/callback</code>) work.</p>
${o.docsUrl ? html`<p><a href="${o.docsUrl}">문서 허브 · Docs hub</a></p>` : ''}
</main>
</body>
</html>
`;
}
