/**
 * The review dashboard (a whole, script-free HTML document from the server: what `xxgk review` writes) made into
 * the webview's document. Its own CSP, written for a browser opening the file, gives way to the webview's, as
 * strict as the preview's: `default-src 'none'`, styles and the one script (media/review.js) only by nonce, no
 * remote content, no forms, no <base>. Report content stays as the server escaped it; nothing here adds any.
 * No `vscode` import: test/dashboardHtml.test.ts checks the result with parse5.
 */

export interface DashboardWebviewParts {
  /** A fresh random nonce (base64) for this document. */
  nonce: string;
  /** The webview URI of media/review.js. */
  script: string;
  /** Tooltip of a finding that opens in the editor (localised by the extension). */
  openLabel: string;
  /** The same for a finding of an imported report (web page, Word, PDF, text), which opens in its imported text. */
  openImportedLabel: string;
  /** The reviewed folder's URI: kept in the webview's state, so that a reload reviews it again. */
  folder: string;
}

/** Only in the webview: findings open on click; the body list's views switch by class. */
const WEBVIEW_CSS = `
html { background: #fff; }
section[data-report] tr[data-finding] { cursor: pointer; }
section[data-report] tr[data-finding]:hover td { background: #e3f2fd; }
section[data-report] tr[data-finding]:focus { outline: 2px solid #1565c0; outline-offset: -2px; }
tr[data-finding].opened td { background: #bbdefb; }
.views.picked .view { display: none; }
.views.picked .view.shown { display: block; }
`;

export function dashboardForWebview(html: string, parts: DashboardWebviewParts): string {
  const headStart = /<head>/i.exec(html);
  const headEnd = html.indexOf('</head>');
  const bodyEnd = html.lastIndexOf('</body>');
  if (!headStart || headEnd < headStart.index || bodyEnd < headEnd) throw new Error('not a dashboard document');
  const nonce = attr(parts.nonce);
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none'`;
  const afterHeadStart = headStart.index + headStart[0].length;
  const head = html
    .slice(afterHeadStart, headEnd)
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi, '')
    .replace(/<style>/g, `<style nonce="${nonce}">`);
  const script = `<script nonce="${nonce}" src="${attr(parts.script)}" data-open-label="${attr(parts.openLabel)}" data-open-imported-label="${attr(parts.openImportedLabel)}" data-folder="${attr(parts.folder)}"></script>\n`;
  return (
    html.slice(0, afterHeadStart) +
    `\n<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    head +
    `<style nonce="${nonce}">${WEBVIEW_CSS}</style>\n` +
    html.slice(headEnd, bodyEnd) +
    script +
    html.slice(bodyEnd)
  );
}

/** Text made safe for an HTML attribute or element. */
export function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
