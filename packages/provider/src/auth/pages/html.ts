// The one HTML tag of Hannun's server-rendered pages lives in @hannun/infra.
export { escapeHtml, html, SafeHtml, trusted } from '@hannun/infra';
