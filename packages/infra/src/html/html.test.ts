import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from './html.ts';

describe('html tag', () => {
  it('escapes every interpolated value, joins arrays, drops null/undefined/false', () => {
    const name = '<script>alert("x")</script>&\'';
    const out = html`<p title="${name}">${name}</p>${[html`<b>${1}</b>`, 2]}${null}${undefined}${false}`;
    expect(out.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p><b>1</b>2',
    );
  });

  it('keeps markup it produced, or marked trusted, as is', () => {
    const inner = html`<i>${'a&b'}</i>`;
    expect(html`<p>${inner}${trusted('<br>')}</p>`.value).toBe('<p><i>a&amp;b</i><br></p>');
    expect(escapeHtml('"')).toBe('&quot;');
  });
});
