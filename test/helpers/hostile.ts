/**
 * Hostile reports: markup, script, URL and bidi payloads in every text field a clerk (or an imported file)
 * can fill — metadata, prose, keys, table cells, fee fields — and the checks that the exported HTML
 * (renderDocument) and the preview HTML (renderBody, tooltips quoting user text) stay inert. Shared by
 * test/hostile.test.ts (parse5) and test/chromium/hostile.test.ts (a real browser).
 */
import { parse, parseFragment } from 'parse5';
import { checkText } from '../../server/src/check';
import { parseReport } from '../../server/src/model/model';
import { REPORT_CSS, renderBody, renderDocument } from '../../server/src/render/html';
import { template2021, type TableNode } from '../../server/src/template';
import { TODAY } from './samples';

/** A host that cannot resolve: a request to it is recorded by the browser test, never answered. */
export const EVIL = 'https://evil.invalid';

export const PAYLOADS = [
  '<script>alert("xss-script")</script>',
  '</style><script>alert("xss-style")</script><style>',
  '</title><script>alert("xss-title")</script>',
  '<a href="javascript:alert(\'xss-link\')">点击这里</a>',
  'javascript:alert("xss-bare")',
  '"><img src=x onerror=alert("xss-img")>',
  "'><svg onload=alert('xss-svg')>",
  '<img src=x onerror=alert("xss-img2")//',
  `<iframe src="${EVIL}/frame"></iframe>`,
  `<link rel="stylesheet" href="${EVIL}/x.css">`,
  `<style>body{background:url(${EVIL}/bg.png)}</style>`,
  `<meta http-equiv="refresh" content="0;url=${EVIL}/refresh">`,
  `<base href="${EVIL}/">`,
  `<form action="${EVIL}/form"><button>提交</button></form>`,
  `<object data="${EVIL}/obj"></object><embed src="${EVIL}/embed">`,
  '<body onload=alert("xss-body")>',
  '<!-- 注释 --><![CDATA[x]]>',
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;',
  '{{constructor.constructor("alert(1)")()}} ${alert(1)} `反引号`',
  '\u202e反转\u202c \u2066隔离\u2069 \u200f\u200e \u061c',
  '进'.repeat(3000),
  'A'.repeat(3000) + '<b>',
];

/** Bidi controls: they must never reach the output as characters (they are shown as <U+…>). */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A YAML double-quoted scalar holding exactly `s` (JSON strings are valid YAML double-quoted scalars). */
const q = (s: string) => JSON.stringify(s);

/** The payload for the n-th field, so every payload lands in many kinds of field. */
const pick = (n: number) => PAYLOADS[n % PAYLOADS.length];

function tableLines(nodes: TableNode[], pad: string, next: () => number): string[] {
  return nodes.flatMap((n) => {
    if (n.kind === 'group') {
      const inner = n.nested ? pad + '  ' : pad;
      const rows = tableLines(n.children, inner, next);
      return n.nested ? [`${pad}${n.key}:`, ...rows] : rows;
    }
    if (n.optionalTotal) return [];
    // Every row holds one hostile cell (shown raw in the table, quoted in its finding's tooltip).
    const cells = n.columns.filter((c) => !c.optionalTotal).map((_, i) => (i === 0 ? q(pick(next())) : '0'));
    return [n.scalar ? `${pad}${n.key}: ${cells[0]}` : `${pad}${n.key}: [${cells.join(', ')}]`];
  });
}

/** A report with a payload in every text field, every table row, unknown keys and sub-headings. */
export function hostileReport(): string {
  let n = 0;
  const next = () => n++;
  const prose = (pad: string) => [`${pad}${q(`${pick(next())}我乡进行进行了梳理，由${pick(next())}编制。${pick(next())}`)}`];
  const block = (key: string, pad: string) => [`${pad}${key}: |`, ...PAYLOADS.map((p) => `${pad}  ${p} 张营乡乡`)];
  const t = template2021;
  const lines = [
    `# ${PAYLOADS.join(' ')}`,
    '格式: 2021',
    `标题: ${q(`${pick(next())}2023年度报告`)}`,
    `机关: ${q(`张营乡人民政府${pick(next())}`)}`,
    `机关类型: ${q(pick(next()))}`,
    '年度: 2024',
    `落款日期: ${q(pick(next()))}`,
    `发布日期: ${q(pick(next()))}`,
    `联系方式: ${q(pick(next()))}`,
    ...block('导语', ''),
    `${q(pick(next()))}: ${q(pick(next()))}`,
  ];
  for (const part of t.parts) {
    switch (part.content) {
      case 'general':
        lines.push(`${part.key}:`, ...t.generalTopics.flatMap((f) => (f.id === 'p1.active' ? block(f.key, '  ') : [`  ${f.key}: ${prose('')[0]}`])),
          `  ${q(pick(next()))}: x`);
        break;
      case 'table': {
        const table = t.tables.find((x) => x.id === part.table)!;
        lines.push(`${part.key}:`, `  ${t.tableNoteKey.key}: ${prose('')[0]}`, ...tableLines(table.nodes, '  ', next), `  ${q(pick(next()))}: [1]`);
        break;
      }
      case 'prose':
        lines.push(`${part.key}:`, `  ${q(`问题${pick(next())}`)}: ${prose('')[0]}`, ...block(q(`改进措施${pick(next())}`), '  '));
        break;
      case 'other':
        lines.push(`${part.key}:`, '  信息处理费:', ...t.feeFields.map((f) => `    ${f.key}: ${q(pick(next()))}`), `  其他: ${prose('')[0]}`);
        break;
    }
  }
  return lines.join('\n') + '\n';
}

// ------------------------------------------------------------------------------------------ checks

type P5Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: P5Node[]; value?: string; content?: P5Node };

/** Elements the renderer produces (tbody is added by the HTML parser). Anything else came from the content. */
const ELEMENTS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'article', 'section', 'h1', 'h2', 'h3', 'p', 'div', 'table', 'tbody', 'tr', 'th', 'td']);
const ATTRIBUTES = new Set(['class', 'id', 'colspan', 'rowspan', 'title', 'lang', 'charset', 'http-equiv', 'content', 'name']);
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data', 'ping', 'cite', 'longdesc', 'manifest', 'codebase', 'style'];

export interface Inspection {
  problems: string[];
  /** All text, attribute values included, as the browser would see it (entities decoded). */
  text: string;
  titles: string[];
  styles: string[];
}

/** Walks the parsed HTML: every element, attribute and text node, and says what would be active content. */
export function inspectHtml(html: string, kind: 'document' | 'fragment'): Inspection {
  const root = (kind === 'document' ? parse(html) : parseFragment(html)) as unknown as P5Node;
  const problems: string[] = [];
  const texts: string[] = [];
  const titles: string[] = [];
  const styles: string[] = [];
  const walk = (node: P5Node) => {
    if (node.nodeName === '#text') texts.push(node.value ?? '');
    else if (node.nodeName === '#comment') problems.push(`comment <!--${node.value}-->`);
    else if (node.tagName) {
      if (!ELEMENTS.has(node.tagName)) problems.push(`element <${node.tagName}>`);
      if (node.tagName === 'style') styles.push((node.childNodes ?? []).map((c) => c.value ?? '').join(''));
      if (node.tagName === 'meta') {
        const equiv = node.attrs?.find((a) => a.name === 'http-equiv')?.value.toLowerCase();
        if (equiv && equiv !== 'content-security-policy') problems.push(`<meta http-equiv="${equiv}">`);
      }
      for (const a of node.attrs ?? []) {
        texts.push(a.value);
        if (a.name === 'title') titles.push(a.value);
        if (/^on/i.test(a.name)) problems.push(`event handler ${a.name}="${a.value.slice(0, 40)}"`);
        if (URL_ATTRIBUTES.includes(a.name.toLowerCase())) problems.push(`URL/style attribute ${a.name}="${a.value.slice(0, 40)}"`);
        if (!ATTRIBUTES.has(a.name) && !a.name.startsWith('data-')) problems.push(`attribute ${a.name}`);
      }
    }
    for (const c of node.childNodes ?? []) walk(c);
    if (node.content) walk(node.content); // <template>
  };
  walk(root);
  const text = texts.join('\n');
  if (BIDI_CONTROLS.test(text)) problems.push('a bidi control character reaches the page');
  for (const css of styles) {
    if (/url\s*\(|@import|expression\s*\(/i.test(css)) problems.push('a style loads or evaluates something');
  }
  return { problems, text, titles, styles };
}

export interface HostilePages {
  report: string;
  /** renderDocument: what `xxgk render` and the export write. */
  exported: string;
  /** renderBody with findings: what the preview shows (tooltips carry messages quoting user text). */
  preview: string;
  findingsQuotingPayloads: number;
}

export function hostilePages(report = hostileReport()): HostilePages {
  const { model, findings } = checkText(report, { today: TODAY });
  const quoting = findings.filter((f) => Object.values(f.message.args ?? {}).some((v) => PAYLOADS.some((p) => String(v).includes(p.slice(0, 20))))).length;
  return { report, exported: renderDocument(parseReport(report)), preview: renderBody(model, { findings }).html, findingsQuotingPayloads: quoting };
}

export { REPORT_CSS };
