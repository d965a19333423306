/**
 * Every rule the checker can report, with its stable id and default severity.
 * `spec` is the number in the rule list of the statutory-format specification (docs/statutory-format.md); rules
 * without a number are this project's own (YAML syntax, unknown keys, doubled words …).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface RuleInfo {
  severity: Severity;
  spec?: number;
  title: string;
  titleEn: string;
  /** Found only by `xxgk review`, which compares the reports of many bodies (never by checking one report). */
  batch?: boolean;
}

function r(severity: Severity, spec: number | undefined, title: string, titleEn: string, batch?: boolean): RuleInfo {
  return batch ? { severity, spec, title, titleEn, batch } : { severity, spec, title, titleEn };
}

export const RULE_CATALOG = {
  'YAML-SYNTAX': r('error', undefined, 'YAML 语法错误', 'YAML syntax error'),
  'STR-TYPE': r('error', undefined, '内容类型不对', 'Wrong kind of value'),
  'STR-UNKNOWN-KEY': r('warning', undefined, '无法识别的项目名称', 'Unknown key'),
  'STR-DUPLICATE': r('error', undefined, '同一项目写了两次', 'Same item written twice'),
  'META-FIELD': r('error', undefined, '缺少必填的基本信息', 'Required metadata missing'),
  'META-KIND': r('error', undefined, '机关类型不在规定范围内', 'Unknown kind of body'),
  'META-YEAR': r('error', 1, '报告年度不正确', 'Report year invalid'),
  'META-VERSION': r('error', 2, '报告格式版本不对', 'Wrong format version'),
  'VER-OLD-MARKERS': r('error', 3, '使用了 2019 年试行格式的项目', 'Item of the 2019 trial format'),
  'META-PREVIOUS': r('warning', undefined, '上年报告与本报告不对应', 'Previous-year report does not match'),
  'DATE-FORMAT': r('error', undefined, '日期写法无法识别', 'Unreadable date'),
  'DATE-BEFORE-PERIOD-END': r('error', 5, '落款日期早于统计期间结束', 'Dated before the reporting period ended'),
  'DATE-LATE-DEPT': r('warning', 7, '超过部门年度报告发布时限（次年1月31日）', 'Department report later than 31 January'),
  'DATE-LATE-GOV': r('warning', 8, '超过本级政府年度报告发布时限（次年3月31日）', 'Government report later than 31 March'),
  'DATE-LATE-LOCAL': r('warning', 9, '超过乡镇、街道年度报告发布时限', 'Later than the local deadline'),
  'DATE-PUBLISH-BEFORE-SIGN': r('warning', 11, '发布日期早于落款日期', 'Published before it was signed'),
  'META-PERIOD': r('error', 12, '统计期间与报告年度不符', 'Reporting period does not match the year'),
  'META-STALE-YEAR': r('info', 14, '文字可能沿用了上一年度的报告', 'Text may be carried over from last year'),
  'META-YEAR-MISMATCH': r('warning', 13, '标题年份与报告年度不符', 'Title year differs from the report year'),
  'META-ISSUER-NAME': r('warning', 15, '机关名称前后不一致', 'Body named differently'),
  'META-CONTACT': r('info', 16, '未写联系方式', 'No contact'),
  'STR-PARTS': r('error', 18, '缺少法定部分或顺序不对', 'Statutory part missing or out of order'),
  'STR-HEADING-VARIANT': r('info', 19, '标题为常见变体写法', 'Heading is a known variant'),
  'STR-GENERAL-TOPICS': r('warning', 20, '总体情况缺少方面', 'Part 一 lacks a topic'),
  'STR-GOV-ART50-4': r('warning', 21, '未报告工作考核、社会评议和责任追究结果', 'No “考核/评议/责任追究” for a government'),
  'STR-PART5-EMPTY': r('warning', 22, '第五部分缺少问题或改进措施', 'Part 五 lacks problems or measures'),
  'T2-SHAPE': r('error', 24, '表二缺行或缺数', 'Table 二 incomplete'),
  'T2-INT': r('error', 25, '表二件数应为非负整数', 'Table 二 count not a non-negative integer'),
  'T2-AMOUNT': r('error', 26, '表二金额应为非负数', 'Table 二 amount not a non-negative number'),
  'T2-UNIT': r('warning', 27, '表二金额单位可能有误', 'Table 二 amount unit suspicious'),
  'T2-BLANK': r('warning', undefined, '表二空白单元格', 'Blank cell in table 二'),
  'T2-VALID-CONTINUITY': r('warning', 28, '现行有效件数与上年不衔接', 'Documents in force do not follow from last year'),
  'T2-VALID-FLOOR': r('info', 29, '现行有效件数偏少', 'Fewer documents in force than issued minus repealed'),
  'T2-GUIZHANG-ISSUER': r('warning', 30, '本机关不能制定规章', 'Body cannot make “规章”'),
  'T3-SHAPE': r('error', 31, '表三缺行或缺数', 'Table 三 incomplete'),
  'T3-INT': r('error', 32, '表三应为非负整数', 'Table 三 cell not a non-negative integer'),
  'T3-BLANK': r('warning', 33, '表三空白单元格', 'Blank cell in table 三'),
  'T3-ROW-TOTAL': r('error', 34, '表三行总计不等于各列之和', 'Table 三 row total wrong'),
  'T3-RESULT-TOTAL': r('error', 35, '表三（七）总计不等于各项办理结果之和', 'Table 三 “（七）总计” wrong'),
  'T3-BALANCE': r('error', 36, '表三勾稽关系不成立', 'Table 三 does not balance'),
  'T3-CARRY-OVER': r('warning', 37, '上年结转与上年报告的结转下年度不一致', 'Carried over differs from last year’s carried forward'),
  'T3-FEE-LINK': r('warning', 38, '逾期未缴费件数多于收费通知件数', 'More unpaid-fee cases than fee notices'),
  'T4-SHAPE': r('error', 39, '表四缺失或缺数', 'Table 四 missing or incomplete'),
  'T4-INT': r('error', 40, '表四应为非负整数', 'Table 四 cell not a non-negative integer'),
  'T4-BLANK': r('warning', undefined, '表四空白单元格', 'Blank cell in table 四'),
  'T4-GROUP-TOTAL': r('error', 41, '表四总计不等于各项之和', 'Table 四 group total wrong'),
  'TXT-T3': r('warning', 42, '文字中的申请件数与表三不符', 'Application figures in the text differ from table 三'),
  'TXT-T4': r('warning', 43, '文字中的复议、诉讼件数与表四不符', 'Review and litigation figures in the text differ from table 四'),
  'TXT-NIL': r('warning', 44, '文字说明与表格数据矛盾', 'Nil statement contradicts the tables'),
  'TXT-DOUBLED': r('warning', undefined, '文字重复', 'Doubled word'),
  'TXT-DUPLICATE': r('warning', 45, '与上年报告内容雷同', 'Text copied from last year’s report'),
  'TXT-DUPLICATE-OTHER': r('warning', 56, '与其他机关报告内容雷同', 'Text nearly the same as another body’s report', true),
  'T3-DUPLICATE-OTHER': r('warning', 57, '表三与其他机关报告完全相同', 'Table 三 identical to another body’s', true),
  'TXT-PLACEHOLDER': r('warning', undefined, '仍是模板提示文字', 'Template prompt not filled in'),
  'IMPORT-UNMAPPED': r('warning', undefined, '导入时未识别的内容', 'Imported content not yet placed'),
  'FEE-SHAPE': r('warning', 46, '未写明信息处理费收取情况', 'Fee figures missing'),
  'FEE-COLLECTED-LE-BILLED': r('error', 47, '实际收取金额大于收费通知金额', 'Collected more than billed'),
  'FEE-VS-T2': r('info', 48, '收取了信息处理费但表二行政事业性收费为 0', 'Fee collected but table 二 fee amount is 0'),
  'LABEL-NORMALISE': r('info', 49, '名称写法与官方不同', 'Label differs from the official spelling'),
  'TXT-PERCENT': r('warning', 50, '文字中的百分比与所述件数不符', 'Percentage in the text does not match its counts'),
  'TXT-PARTS-SUM': r('warning', 51, '文字中“其中”各项之和与总数不符', 'Parts listed in the text do not add up to the stated total'),
  'TBL-UNCHANGED': r('warning', 52, '表格数字与上年报告完全相同', 'Table figures identical to last year’s report'),
  'TBL-IMPLAUSIBLE': r('info', 53, '表格数据与所述情况不大相符', 'Table figures implausible for what the report says'),
  'FILE-ENCODING': r('error', 54, '文件不是 UTF-8 编码', 'File is not UTF-8'),
  'FILE-UNREADABLE': r('error', 55, '文件或文件夹无法读取', 'File or folder cannot be read'),
} satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULE_CATALOG;

export const RULE_IDS = Object.keys(RULE_CATALOG) as RuleId[];
