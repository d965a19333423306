/**
 * The 公文 layout of GB/T 9704-2012 as Word styles: A4, margins 37/35/28/26 mm (版心 156 × 225 mm),
 * 22 lines of 3号 text per page (fixed line pitch 28.95 pt), first-line indent of two characters, title 2号
 * 小标宋, part headings 3号 黑体, sub-headings 3号 楷体, body 3号 仿宋; tables in 宋体 at a smaller size.
 * Fonts name the GB2312-era face first (what government machines have) and list fallbacks that ordinary
 * Windows, WPS and Linux machines have, Noto CJK last, as the font table's alternative names.
 */
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';

/** Millimetres to twentieths of a point (twips), Word's unit for page geometry. */
export const mm = (x: number): number => Math.round((x / 25.4) * 1440);
/** Points to twips. */
export const pt = (x: number): number => Math.round(x * 20);

export const PAGE = {
  width: mm(210), height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** The page number's 一字线 sits 7 mm below the text area: the footer's baseline about 23 mm above the edge. */
  footer: mm(23), header: mm(15),
};
/** Width of the text area (版心), 156 mm: tables are laid out to exactly this width. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Chinese type sizes (字号) in points. */
export const SIZE = { er: 22, san: 16, si: 14, wu: 10.5, xiaowu: 9 } as const;
/** 225 mm / 22 lines: the fixed line pitch of body text. */
export const LINE = 579;

export interface FontFace {
  name: string;
  /** Faces to use when `name` is missing, in order (w:altName is a comma-separated list). */
  fallbacks: string[];
  family: 'roman' | 'modern' | 'swiss';
}

export const FONTS = {
  title: {
    name: '方正小标宋简体', fallbacks: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '宋体', 'SimSun', 'Noto Serif CJK SC'], family: 'roman',
  },
  heading: { name: '黑体', fallbacks: ['SimHei', 'STHeiti', 'Noto Sans CJK SC'], family: 'modern' },
  subheading: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'], family: 'modern' },
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'], family: 'modern' },
  table: { name: '宋体', fallbacks: ['SimSun', 'Noto Serif CJK SC'], family: 'roman' },
} satisfies Record<string, FontFace>;

/** One face for Chinese and Latin alike: digits and letters in 仿宋 match the text around them. */
export function runFont(face: FontFace): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: face.name, eastAsia: face.name, hAnsi: face.name, cs: face.name };
}

export const STYLE = {
  body: 'Normal', title: 'Title', heading: 'Heading1', subheading: 'Heading2',
  signature: 'XxgkSignature', table: 'XxgkTable', tableHead: 'XxgkTableHead', pageNumber: 'XxgkPageNumber',
};

const fixedLine = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const singleLine = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
const noIndent = { firstLine: 0, firstLineChars: 0 };
/** Two characters of 3号 text; Word and WPS use the character count, others the width. */
const indentTwoChars = { firstLine: pt(2 * SIZE.san), firstLineChars: 200 };

const size = (points: number) => points * 2; // docx sizes are half-points

/** Built-in ids (Title, Heading1, Heading2) so Word's navigation pane and importers see the outline. */
export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: runFont(FONTS.body), size: size(SIZE.san), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        paragraph: { spacing: fixedLine, alignment: AlignmentType.JUSTIFIED, indent: indentTwoChars },
      },
      title: {
        run: { font: runFont(FONTS.title), size: size(SIZE.er), color: '000000' },
        // 小标宋 at 2号 needs more than the body's pitch; one empty line's space separates it from the text.
        paragraph: {
          alignment: AlignmentType.CENTER, indent: noIndent,
          spacing: { line: pt(35), lineRule: LineRuleType.EXACT, before: 0, after: LINE },
        },
      },
      heading1: {
        run: { font: runFont(FONTS.heading), size: size(SIZE.san), color: '000000', bold: false },
        paragraph: { spacing: fixedLine, indent: indentTwoChars, keepNext: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: runFont(FONTS.subheading), size: size(SIZE.san), color: '000000', bold: false, italics: false },
        paragraph: { spacing: fixedLine, indent: indentTwoChars, keepNext: true, outlineLevel: 1 },
      },
    },
    paragraphStyles: [
      { id: STYLE.signature, name: 'Signature block (落款)', basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.RIGHT, indent: noIndent } },
      { id: STYLE.table, name: 'Table text (表格)', basedOn: 'Normal', run: { font: runFont(FONTS.table), size: size(SIZE.wu) },
        paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine, indent: noIndent } },
      { id: STYLE.tableHead, name: 'Table heading (表头)', basedOn: STYLE.table, paragraph: { alignment: AlignmentType.CENTER } },
      { id: STYLE.pageNumber, name: 'Page number (页码)', basedOn: 'Normal', run: { font: runFont(FONTS.table), size: size(SIZE.si) },
        paragraph: { spacing: singleLine, indent: noIndent } },
    ],
  };
}
