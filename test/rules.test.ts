/**
 * Every rule: one input that fails it (at the expected line) and a near-miss that passes it.
 * Inputs are the clean samples with one edit, so each case isolates one rule.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../server/src/model/model';
import { RULE_CATALOG, RULE_IDS } from '../server/src/template/ruleCatalog';
import { CLEAN, COUNTY, COUNTY_2023, check, edit, lineOf, sample } from './helpers/samples';

interface Case {
  rule: string;
  base: string;
  /** The failing input, and the text of the line the finding must point at. */
  fail: (t: string) => string;
  at: string;
  /** A near-miss that must not trigger the rule. */
  pass: (t: string) => string;
  /** Options for the near miss; `failOptions` for the failing input (cross-year rules need last year's report in both). */
  options?: Parameters<typeof check>[1];
  failOptions?: Parameters<typeof check>[1];
}

const clean = sample(CLEAN);
const county = sample(COUNTY);
/** Last year's report of the county department: what the cross-year rules compare with. */
const lastYear = { previous: { name: COUNTY_2023, model: parseReport(sample(COUNTY_2023)) } };

const cases: Case[] = [
  { rule: 'YAML-SYNTAX', base: CLEAN, fail: (t) => edit(t, '本年新收:          [3, 1, 0, 0, 0, 0]', '本年新收:          [3, 1, 0, 0, 0, 0'), at: '本年新收',
    pass: (t) => edit(t, '本年新收:          [3, 1, 0, 0, 0, 0]', '本年新收: [3,1,0,0,0,0]') },
  { rule: 'STR-TYPE', base: CLEAN, fail: (t) => edit(t, '  行政复议:         [0, 0, 0, 0]', '  行政复议:\n    维持: 0'), at: '    维持: 0',
    pass: (t) => edit(t, '  行政复议:         [0, 0, 0, 0]', '  行政复议: [0, 0, 0, 0, 0]') },
  { rule: 'STR-UNKNOWN-KEY', base: CLEAN, fail: (t) => edit(t, '    重复申请:', '    重复申情:'), at: '重复申情',
    pass: (t) => edit(t, '    重复申请:', '    2.重复申请:') },
  { rule: 'STR-DUPLICATE', base: CLEAN, fail: (t) => edit(t, '机关: 张营乡人民政府', '机关: 张营乡人民政府\n发布机关: 张营乡人民政府'), at: '发布机关:',
    pass: (t) => edit(t, '机关: 张营乡人民政府', '发布机关: 张营乡人民政府') },
  { rule: 'META-FIELD', base: CLEAN, fail: (t) => edit(t, '机关: 张营乡人民政府\n', ''), at: '# 一份完整',
    pass: (t) => edit(t, '机关: 张营乡人民政府', '机关: "张营乡人民政府"') },
  { rule: 'META-KIND', base: CLEAN, fail: (t) => edit(t, '机关类型: 乡镇人民政府', '机关类型: 乡人民政府'), at: '机关类型',
    pass: (t) => edit(t, '机关类型: 乡镇人民政府', '机关类型: 街道办事处') },
  { rule: 'META-YEAR', base: CLEAN, fail: (t) => edit(t, '年度: 2024', '年度: 2024年'), at: '年度: 2024年',
    pass: (t) => edit(t, '年度: 2024', '年度: 2024 # 报告年度') },
  { rule: 'META-VERSION', base: CLEAN, fail: (t) => edit(t, '格式: 2021', '格式: 2019'), at: '格式:',
    pass: (t) => edit(t, '格式: 2021', '格式: 2021  # 国办公开办函〔2021〕30号') },
  { rule: 'DATE-FORMAT', base: CLEAN, fail: (t) => edit(t, '落款日期: 2025-01-20', '落款日期: 2025-02-30'), at: '落款日期',
    pass: (t) => edit(t, '落款日期: 2025-01-20', '落款日期: 2025年1月20日') },
  { rule: 'DATE-BEFORE-PERIOD-END', base: CLEAN, fail: (t) => edit(t, '落款日期: 2025-01-20', '落款日期: 2024-12-31'), at: '落款日期',
    pass: (t) => edit(t, '落款日期: 2025-01-20', '落款日期: 2025-01-01') },
  { rule: 'DATE-LATE-DEPT', base: COUNTY, fail: (t) => edit(t, '发布日期: 2025-01-24', '发布日期: 2025-02-01'), at: '发布日期',
    pass: (t) => edit(t, '发布日期: 2025-01-24', '发布日期: 2025-01-31') },
  { rule: 'DATE-LATE-GOV', base: CLEAN, fail: (t) => edit(edit(t, '机关类型: 乡镇人民政府', '机关类型: 县级人民政府'), '落款日期: 2025-01-20', '落款日期: 2025-04-01'), at: '落款日期',
    pass: (t) => edit(edit(t, '机关类型: 乡镇人民政府', '机关类型: 县级人民政府'), '落款日期: 2025-01-20', '落款日期: 2025-03-31') },
  { rule: 'DATE-LATE-LOCAL', base: CLEAN, fail: (t) => edit(t, '落款日期: 2025-01-20', '落款日期: 2025-02-10'), at: '落款日期',
    pass: (t) => edit(t, '落款日期: 2025-01-20', '落款日期: 2025-02-10'), options: { localDeadline: '02-20' } },
  { rule: 'DATE-PUBLISH-BEFORE-SIGN', base: COUNTY, fail: (t) => edit(t, '发布日期: 2025-01-24', '发布日期: 2025-01-19'), at: '发布日期',
    pass: (t) => edit(t, '发布日期: 2025-01-24', '发布日期: 2025-01-20') },
  { rule: 'META-PERIOD', base: CLEAN, fail: (t) => edit(t, '起止时间为2024年1月1日至2024年12月31日', '起止时间为2023年1月1日至2023年12月31日'), at: '起止时间',
    pass: (t) => edit(t, '起止时间为2024年1月1日至2024年12月31日', '起止时间为 2024 年 1 月 1 日至 2024 年 12 月 31 日') },
  { rule: 'META-YEAR-MISMATCH', base: COUNTY, fail: (t) => edit(t, '标题: 示例县自然资源和规划局2024年', '标题: 示例县自然资源和规划局2023年'), at: '标题',
    pass: (t) => edit(t, '标题: 示例县自然资源和规划局2024年', '标题: 示例县自然资源和规划局 2024 年') },
  { rule: 'META-ISSUER-NAME', base: CLEAN, fail: (t) => edit(t, '由张营乡人民政府编制', '由李庄乡人民政府编制'), at: '由李庄乡',
    pass: (t) => edit(t, '由张营乡人民政府编制', '由张营乡编制') },
  { rule: 'META-CONTACT', base: CLEAN, fail: (t) => edit(edit(t, '联系方式: 张营乡党政办公室，电话：0319-6240117\n', ''), '如对本报告有任何疑问，请与张营乡党政办公室联系，电话：0319-6240117。', ''), at: '机关:',
    pass: (t) => edit(t, '联系方式: 张营乡党政办公室，电话：0319-6240117\n', '') },
  { rule: 'STR-PARTS', base: CLEAN, fail: (t) => moveFirstPartToEnd(t), at: '一、总体情况',
    pass: (t) => edit(t, '五、存在的主要问题及改进情况: |', '五、存在的主要问题及改进情况: |-') },
  { rule: 'STR-HEADING-VARIANT', base: CLEAN, fail: (t) => edit(t, '五、存在的主要问题及改进情况:', '五、存在的主要问题及改进措施:'), at: '五、',
    pass: (t) => t },
  { rule: 'STR-GENERAL-TOPICS', base: CLEAN, fail: (t) => edit(t, '  平台建设: |\n    按照河北省政务新媒体管理要求完成账号备案和年度核验，明确专人负责信息发布与维护，全乡保留微信公众号1个。\n', ''), at: '一、总体情况',
    pass: (t) => edit(t, '  平台建设: |', '  政府信息公开平台建设: |') },
  { rule: 'STR-GOV-ART50-4', base: CLEAN, fail: (t) => edit(t, '评议满意率为98%', '满意率为98%').replace('邀请群众代表对公开工作开展社会评议，', ''), at: '监督保障',
    pass: (t) => edit(t, '评议满意率为98%', '满意率为98%') },
  { rule: 'STR-PART5-EMPTY', base: CLEAN, fail: (t) => edit(t, '  改进情况：一是建立信息发布台账，按月检查更新情况；二是采用图解、短视频等形式开展政策解读，增强公开效果。\n', ''), at: '五、',
    pass: (t) => edit(t, '  改进情况：', '  整改措施：') },
  { rule: 'T2-SHAPE', base: CLEAN, fail: (t) => edit(t, '  行政强制: 0\n', ''), at: '二、主动公开',
    pass: (t) => edit(t, '  行政强制: 0', '  行政强制: [0]') },
  { rule: 'T2-INT', base: CLEAN, fail: (t) => edit(t, '  行政处罚: 3', '  行政处罚: 3.5'), at: '行政处罚',
    pass: (t) => edit(t, '  行政处罚: 3', '  行政处罚: "3"') },
  { rule: 'T2-AMOUNT', base: CLEAN, fail: (t) => edit(t, '  行政事业性收费: 0 #', '  行政事业性收费: -1 #'), at: '行政事业性收费',
    pass: (t) => edit(t, '  行政事业性收费: 0 #', '  行政事业性收费: 1.25 #') },
  { rule: 'T2-UNIT', base: CLEAN, fail: (t) => edit(t, '  行政事业性收费: 0 #', '  行政事业性收费: 12000 #'), at: '行政事业性收费',
    pass: (t) => edit(t, '  行政事业性收费: 0 #', '  行政事业性收费: 1.2 #') },
  { rule: 'T2-BLANK', base: CLEAN, fail: (t) => edit(t, '  行政强制: 0', '  行政强制: ~'), at: '行政强制',
    pass: (t) => t },
  { rule: 'T2-VALID-FLOOR', base: COUNTY, fail: (t) => edit(t, '  行政规范性文件:   [3, 1, 27]', '  行政规范性文件:   [3, 1, 1]'), at: '行政规范性文件:',
    pass: (t) => edit(t, '  行政规范性文件:   [3, 1, 27]', '  行政规范性文件:   [3, 1, 2]') },
  { rule: 'T2-GUIZHANG-ISSUER', base: CLEAN, fail: (t) => edit(t, '  规章:            [0, 0, 0]', '  规章:            [1, 0, 1]'), at: '规章:',
    pass: (t) => edit(edit(t, '  规章:            [0, 0, 0]', '  规章:            [1, 0, 1]'), '机关类型: 乡镇人民政府', '机关类型: 市级人民政府') },
  { rule: 'T3-SHAPE', base: CLEAN, fail: (t) => edit(t, '    重复申请:                 [0, 0, 0, 0, 0, 0]\n', ''), at: '不予处理:',
    pass: (t) => edit(t, '    重复申请:                 [0, 0, 0, 0, 0, 0]', '    重复申请:                 [0, 0, 0, 0, 0, 0, 0]') },
  { rule: 'T3-INT', base: CLEAN, fail: (t) => edit(t, '  予以公开:          [2, 0, 0, 0, 0, 0]', '  予以公开:          [2, 0, 0, 0, 0, 两]'), at: '予以公开:          [2',
    pass: (t) => edit(t, '  予以公开:          [2, 0, 0, 0, 0, 0]', '  予以公开:          [2, 0, 0, 0, 0, "0"]') },
  { rule: 'T3-BLANK', base: CLEAN, fail: (t) => edit(t, '  上年结转:          [0, 0, 0, 0, 0, 0]', '  上年结转:          [0, 0, ~, 0, 0, 0]'), at: '上年结转',
    pass: (t) => t },
  { rule: 'T3-ROW-TOTAL', base: CLEAN, fail: (t) => edit(t, '  予以公开:          [2, 0, 0, 0, 0, 0]', '  予以公开:          [2, 0, 0, 0, 0, 0, 3]'), at: '予以公开:          [2',
    pass: (t) => edit(t, '  予以公开:          [2, 0, 0, 0, 0, 0]', '  予以公开:          [2, 0, 0, 0, 0, 0, 2]') },
  { rule: 'T3-RESULT-TOTAL', base: CLEAN, fail: (t) => edit(t, '  结转下年度继续办理:', '  总计: [3, 2, 0, 0, 0, 0]\n  结转下年度继续办理:'), at: '总计: [3',
    pass: (t) => edit(t, '  结转下年度继续办理:', '  总计: [3, 1, 0, 0, 0, 0, 4]\n  结转下年度继续办理:') },
  { rule: 'T3-BALANCE', base: CLEAN, fail: (t) => edit(t, '  结转下年度继续办理:         [0, 0, 0, 0, 0, 0]', '  结转下年度继续办理:         [1, 0, 0, 0, 0, 0]'), at: '结转下年度继续办理',
    pass: (t) => edit(edit(t, '  结转下年度继续办理:         [0, 0, 0, 0, 0, 0]', '  结转下年度继续办理:         [1, 0, 0, 0, 0, 0]'), '  上年结转:          [0, 0, 0, 0, 0, 0]', '  上年结转:          [1, 0, 0, 0, 0, 0]') },
  { rule: 'T3-FEE-LINK', base: COUNTY, fail: (t) => edit(t, '    收费通知件数: 2', '    收费通知件数: 0'), at: '逾期未缴费',
    pass: (t) => edit(t, '    收费通知件数: 2', '    收费通知件数: 1') },
  { rule: 'T4-SHAPE', base: CLEAN, fail: (t) => edit(t, '  复议后起诉:       [0, 0, 0, 0]', '  复议后起诉:       [0, 0, 0]'), at: '复议后起诉',
    pass: (t) => edit(t, '  复议后起诉:       [0, 0, 0, 0]', '  复议后起诉:       [0, 0, 0, 0, 0]') },
  { rule: 'T4-INT', base: CLEAN, fail: (t) => edit(t, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, -1, 0, 0]'), at: '行政复议:',
    pass: (t) => edit(t, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, 1, 0, 0]') },
  { rule: 'T4-BLANK', base: CLEAN, fail: (t) => edit(t, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, ~, 0, 0]'), at: '行政复议:',
    pass: (t) => t },
  { rule: 'T4-GROUP-TOTAL', base: CLEAN, fail: (t) => edit(t, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, 1, 0, 0, 0]'), at: '行政复议:',
    pass: (t) => edit(t, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, 1, 0, 0, 1]') },
  { rule: 'TXT-NIL', base: CLEAN, fail: (t) => edit(t, '全年新收政府信息公开申请4件', '本年度未收到政府信息公开申请'), at: '本年度未收到',
    pass: (t) => edit(t, '全年新收政府信息公开申请4件', '全年收到政府信息公开申请4件') },
  { rule: 'META-STALE-YEAR', base: CLEAN, fail: (t) => edit(edit(t, '2024年，张营乡认真贯彻', '2023年，张营乡认真贯彻'), '完成账号备案', '完成账号备案。2023年，全乡开展培训'),
    at: '2023年，张营乡', pass: (t) => edit(t, '完成账号备案', '完成账号备案。2023年，全乡开展培训') },
  { rule: 'TXT-T3', base: COUNTY, fail: (t) => edit(t, '上年结转14件', '上年结转13件'), at: '上年结转13件',
    pass: (t) => edit(t, '上年结转14件', '上年度结转14件') },
  { rule: 'TXT-T4', base: CLEAN, fail: (t) => edit(t, '完成账号备案', '完成账号备案，全年被申请行政复议1件'), at: '行政复议1件',
    pass: (t) => edit(t, '完成账号备案', '完成账号备案，全年被申请行政复议0件') },
  { rule: 'TXT-DOUBLED', base: CLEAN, fail: (t) => edit(t, '完成账号备案', '完成账号备案备案'), at: '备案备案',
    pass: (t) => edit(t, '完成账号备案', '完成账号一一备案') },
  { rule: 'FEE-SHAPE', base: CLEAN, fail: (t) => edit(t, '    实际收取金额: 0\n', ''), at: '信息处理费:',
    pass: (t) => edit(t, '    实际收取金额: 0', '    实际收取金额: 0.0') },
  { rule: 'FEE-COLLECTED-LE-BILLED', base: COUNTY, fail: (t) => edit(t, '    实际收取金额: 400', '    实际收取金额: 400.5'), at: '实际收取金额',
    pass: (t) => edit(t, '    实际收取金额: 400', '    实际收取金额: 200') },
  { rule: 'FEE-VS-T2', base: COUNTY, fail: (t) => edit(t, '  行政事业性收费: 356.82', '  行政事业性收费: 0'), at: '行政事业性收费',
    pass: (t) => edit(edit(t, '  行政事业性收费: 356.82', '  行政事业性收费: 0'), '    实际收取金额: 400', '    实际收取金额: 0') },
  { rule: 'VER-OLD-MARKERS', base: CLEAN, fail: (t) => edit(t, '  行政强制: 0\n', '  行政强制: 0\n  其他对外管理服务事项: [0, 0, 0]\n'), at: '其他对外管理服务事项',
    pass: (t) => edit(t, '  行政强制: 0\n', '  2.行政强制: 0\n') },
  { rule: 'META-PREVIOUS', base: COUNTY, fail: (t) => edit(t, '联系方式:', '上年报告: 2023年报.xxgk.yaml\n联系方式:'), at: '上年报告',
    failOptions: { previous: { name: '2023年报.xxgk.yaml' } },
    pass: (t) => edit(t, '联系方式:', `上年报告: ${COUNTY_2023}\n联系方式:`), options: lastYear },
  { rule: 'T3-CARRY-OVER', base: COUNTY, fail: (t) => edit(t, '  上年结转:          [11, 2, 0, 0, 1, 0, 14]', '  上年结转:          [11, 3, 0, 0, 1, 0, 15]'), at: '  上年结转:',
    failOptions: lastYear, pass: (t) => t, options: lastYear },
  { rule: 'T2-VALID-CONTINUITY', base: COUNTY, fail: (t) => edit(t, '  行政规范性文件:   [3, 1, 27]', '  行政规范性文件:   [3, 1, 29]'), at: '行政规范性文件:',
    failOptions: lastYear, pass: (t) => t, options: lastYear },
  { rule: 'TXT-DUPLICATE', base: COUNTY,
    fail: (t) => t.replace(/  平台建设: \|\n    [^\n]*\n/, '  平台建设: |\n    完成门户网站自然资源专栏改版，新设“土地征收”“矿产资源”两个栏目；开通“示例县自然资源”微信公众号，全年推送信息486条。\n'),
    at: '全年推送信息486条', failOptions: lastYear, pass: (t) => t, options: lastYear },
  { rule: 'TXT-PLACEHOLDER', base: CLEAN, fail: (t) => t.replace(/  平台建设: \|\n    [^\n]*\n/, '  平台建设: |\n    （政府信息公开平台建设）……\n'), at: '（政府信息公开平台建设）……',
    pass: (t) => t.replace(/  平台建设: \|\n    [^\n]*\n/, '  平台建设: |\n    （政府信息公开平台建设）全乡保留微信公众号1个。\n') },
  { rule: 'IMPORT-UNMAPPED', base: CLEAN, fail: (t) => `${t}\n未识别内容: |\n  【页首】首页 > 政务公开\n`, at: '未识别内容',
    pass: (t) => `${t}\n未识别内容: ""\n` },
  { rule: 'TXT-PERCENT', base: COUNTY, fail: (t) => edit(t, '办结194件，', '办结194件，其中予以公开75件，占40.5%，'), at: '占40.5%',
    pass: (t) => edit(t, '办结194件，', '办结194件，其中予以公开75件，占38.7%，') },
  { rule: 'TXT-PARTS-SUM', base: COUNTY, fail: (t) => edit(t, '全年新收政府信息公开申请191件，', '全年共收到政府信息公开申请191件，其中自然人152件、法人或其他组织40件，'),
    at: '全年共收到', pass: (t) => edit(t, '全年新收政府信息公开申请191件，', '全年共收到政府信息公开申请191件，其中自然人152件、法人或其他组织39件，') },
  { rule: 'TBL-UNCHANGED', base: COUNTY, fail: (t) => t, at: '二、主动公开政府信息情况:',
    failOptions: { previous: { name: COUNTY_2023, model: parseReport(edit(county, '年度: 2024', '年度: 2023')) } },
    pass: (t) => t, options: lastYear },
  { rule: 'TBL-IMPLAUSIBLE', base: CLEAN, fail: (t) => zeroTable3(t), at: '三、收到和处理政府信息公开申请情况:',
    pass: (t) => edit(zeroTable3(t), '全年新收政府信息公开申请4件，均在法定期限内答复，其中予以公开2件、部分公开1件、因本机关不掌握相关政府信息无法提供1件。', '全年未收到政府信息公开申请。') },
  // The bytes are the CLI's or the server's (test/files.test.ts reads a GBK file); the checker is told what they look like.
  { rule: 'FILE-ENCODING', base: CLEAN, fail: (t) => t, failOptions: { notUtf8: { encoding: 'GBK' } }, at: t0(clean),
    pass: (t) => edit(t, '联系方式: 张营乡党政办公室', '联系方式: 张营乡党政办公室\ufffd') },
  { rule: 'LABEL-NORMALISE', base: CLEAN, fail: (t) => edit(t, '  予以公开:', '  (一)予以公开:'), at: '(一)予以公开',
    pass: (t) => t },
];

/** The text of a report's first line: where findings about the whole file point. */
function t0(text: string): string {
  return text.split('\n')[0];
}

/** The clean sample with its four applications and three penalties taken out: every table all zero. */
function zeroTable3(t: string): string {
  t = edit(t, '  行政处罚: 3', '  行政处罚: 0');
  for (const row of ['本年新收:          [3, 1, 0, 0, 0, 0]', '予以公开:          [2, 0, 0, 0, 0, 0]', '部分公开:          [0, 1, 0, 0, 0, 0]', '本机关不掌握相关政府信息: [1, 0, 0, 0, 0, 0]']) {
    t = edit(t, row, row.replace(/\[.*\]/, '[0, 0, 0, 0, 0, 0]'));
  }
  return t;
}

function moveFirstPartToEnd(t: string): string {
  const start = t.indexOf('一、总体情况:');
  const end = t.indexOf('二、主动公开政府信息情况:');
  return t.slice(0, start) + t.slice(end) + '\n' + t.slice(start, end);
}

describe('each rule fails on a bad input and passes a near miss', () => {
  it('the clean samples pass every rule', () => {
    expect(check(clean)).toEqual([]);
    expect(check(county)).toEqual([]);
  });

  it('every rule in the catalogue has a case (rules across bodies: test/review.test.ts)', () => {
    // FILE-UNREADABLE is the folder walk's, not the checker's: test/files.test.ts fails and passes it.
    const checkerRules = RULE_IDS.filter((id) => !RULE_CATALOG[id].batch);
    expect(new Set([...cases.map((c) => c.rule), 'FILE-UNREADABLE'])).toEqual(new Set(checkerRules));
  });

  for (const c of cases) {
    describe(c.rule, () => {
      const base = c.base === CLEAN ? clean : county;
      it('fails, at the right line', () => {
        const text = c.fail(base);
        const hits = check(text, c.failOptions).filter((f) => f.rule === c.rule);
        expect(hits.length, `${c.rule} should fire`).toBeGreaterThan(0);
        expect(hits.map((h) => h.line)).toContain(lineOf(text, c.at));
        for (const h of hits) expect(h.message).not.toMatch(/\{\w+\}/); // every placeholder filled
      });
      it('passes a near miss', () => {
        const hits = check(c.pass(base), c.options).filter((f) => f.rule === c.rule);
        expect(hits.map((h) => `${h.line}: ${h.message}`)).toEqual([]);
      });
    });
  }
});

describe('TXT-DOUBLED on a pasted run of doubled words', () => {
  it('lists 200 per text one by one, then one finding with how many more (not half a million diagnostics)', () => {
    const hits = check(edit(clean, '完成账号备案', `完成账号备案${'进行进行，'.repeat(250)}`)).filter((h) => h.rule === 'TXT-DOUBLED');
    expect(hits).toHaveLength(201);
    expect(hits[200].message).toContain('还有 50 处未逐一列出');
    expect(hits[200].finding.fixes).toBeUndefined();
  });
});
