/**
 * Local deadlines: named profiles and dates, chosen by the CLI, a per-folder xxgk.json (CLI and server alike) and
 * the editor settings; DATE-LATE-LOCAL names the profile or the source it used.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { main } from '../server/src/cli';
import { parseFolderConfig } from '../server/src/folderConfig';
import { createLanguageService, settingsDeadlines } from '../server/src/languageService/languageService';
import { WorkspaceReports } from '../server/src/languageService/workspaceReports';
import { DEFAULT_SETTINGS } from '../server/src/protocol';
import { DEADLINE_PROFILES, deadlineProfile } from '../server/src/template/deadlineProfiles';
import { CLEAN, COUNTY, ROOT, TODAY, check, edit, sample } from './helpers/samples';
import { tempDir } from './helpers/tmp';

const huaihua = deadlineProfile('怀化市')!;
/** The clean sample is a 乡镇人民政府 report; signed on `date`. */
const town = (date: string) => edit(sample(CLEAN), '落款日期: 2025-01-20', `落款日期: ${date}`);
const late = (text: string, options: Parameters<typeof check>[1] = {}) => check(text, options).filter((f) => f.rule.startsWith('DATE-LATE'));

describe('deadline profiles', () => {
  it('without a choice: 1月31日 for a town, and the finding names the default profile and how to choose another', () => {
    const [f] = late(town('2025-02-10'));
    expect(f.rule).toBe('DATE-LATE-LOCAL');
    expect(f.message).toContain('“全国默认”时限方案');
    expect(f.message).toContain('xxgk.deadlineProfile');
  });

  it('a profile moves the town deadline and is named in the finding', () => {
    const choice = { profile: huaihua, origin: 'xxgk.json' };
    expect(late(town('2025-02-20'), { deadlines: [choice] })).toEqual([]);
    const [f] = late(town('2025-02-21'), { deadlines: [choice] });
    expect(f.message).toBe('落款日期2025年2月21日晚于“怀化市”时限方案中乡镇人民政府年度报告的发布时限2025年2月20日（方案由 xxgk.json 选定）。');
  });

  it('a profile may set a department an earlier date than the statute; past the statute it is the statutory finding', () => {
    const dept = (date: string) => edit(edit(sample(COUNTY), '机关类型: 县级政府部门', '机关类型: 市级政府部门'), '发布日期: 2025-01-24', `发布日期: ${date}`);
    const choice = { profile: huaihua, origin: '--deadline-profile' };
    expect(late(dept('2025-01-28'), { deadlines: [choice] })).toEqual([]);
    expect(late(dept('2025-01-29'), { deadlines: [choice] }).map((f) => f.rule)).toEqual(['DATE-LATE-LOCAL']);
    expect(late(dept('2025-01-29'))).toEqual([]); // no profile: only the statute
    expect(late(dept('2025-02-01'), { deadlines: [choice] }).map((f) => f.rule)).toEqual(['DATE-LATE-DEPT']);
  });

  it('dates beat profiles, the first choice wins, a date for the kind beats one for its class', () => {
    const deadlines = [{ dates: { local: '02-05' }, origin: '--local-deadline' }, { profile: huaihua, origin: 'xxgk.json' }];
    const [f] = late(town('2025-02-10'), { deadlines });
    expect(f.message).toBe('落款日期2025年2月10日晚于 --local-deadline 为乡镇人民政府设定的发布时限2025年2月5日。');
    expect(late(town('2025-02-10'), { deadlines: [{ dates: { local: '02-05', 乡镇人民政府: '02-15' }, origin: 'x' }] })).toEqual([]);
  });

  it('the settings become choices; the package lists every profile', () => {
    expect(settingsDeadlines({ ...DEFAULT_SETTINGS, deadlineProfile: '怀化市', localDeadline: '02-01' })).toEqual([
      { dates: { local: '02-01' }, origin: 'xxgk.localDeadline' }, { profile: huaihua, origin: 'xxgk.deadlineProfile' },
    ]);
    expect(settingsDeadlines(DEFAULT_SETTINGS)).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.contributes.configuration.properties['xxgk.deadlineProfile'].enum).toEqual(['', ...DEADLINE_PROFILES.map((p) => p.id)]);
  });
});

describe('xxgk.json', () => {
  it('reads a profile, dates by kind or class, and names what it cannot use', () => {
    const ok = parseFolderConfig('{"deadlineProfile": "怀化", "deadlines": {"街道办事处": "02-25"}, "localDeadline": "02-18"}', '/r/xxgk.json');
    expect(ok.problems).toEqual([]);
    expect(ok.choice).toEqual({ origin: 'xxgk.json', profile: huaihua, dates: { local: '02-18', 街道办事处: '02-25' } });
    const bad = parseFolderConfig('{"deadlineprofile": "怀化市", "deadlineProfile": "长沙", "deadlines": {"乡镇": "2-20"}}', '/r/xxgk.json');
    expect(bad.problems.map((p) => p.key)).toEqual(['config.unknownKey', 'config.unknownProfile', 'config.unknownKind']);
    expect(bad.choice).toBeUndefined();
    expect(parseFolderConfig('{"localDeadline": "2月20日"}', '/r/xxgk.json').problems.map((p) => p.key)).toEqual(['config.badDate']);
    expect(parseFolderConfig('{', '/r/xxgk.json').problems.map((p) => p.key)).toEqual(['config.invalidJson']);
  });

  async function run(cwd: string, ...argv: string[]) {
    const out: string[] = [], err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), cwd, env: {} });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('the CLI reads the nearest one up from each report; flags come first; problems go to stderr once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '乡镇'));
    writeFileSync(join(dir, '乡镇', 'a.xxgk.yaml'), town('2025-02-10'));
    writeFileSync(join(dir, '乡镇', 'b.xxgk.yaml'), town('2025-02-10'));
    const rules = (r: { out: string }) => r.out.split('\n').filter((l) => l.includes('DATE-LATE'));
    expect(rules(await run(dir, 'check', '.'))).toHaveLength(2);
    writeFileSync(join(dir, 'xxgk.json'), '{"deadlineProfile": "怀化市"}');
    expect(rules(await run(dir, 'check', '.'))).toEqual([]);
    const flag = await run(dir, 'check', '.', '--local-deadline', '02-01');
    expect(rules(flag)[0]).toContain('晚于 --local-deadline 为乡镇人民政府设定的发布时限2025年2月1日');
    writeFileSync(join(dir, 'xxgk.json'), '{"deadlineProfile": "长沙市"}');
    const bad = await run(dir, 'check', '.');
    expect(bad.err.split('\n').filter((l) => l.includes('长沙市'))).toHaveLength(1);
    expect(rules(bad)).toHaveLength(2); // the default is used
    expect((await run(dir, 'check', '.', '--deadline-profile', '长沙市')).code).toBe(2);
    expect((await run(dir, 'check', '.', '--deadline-profile', '怀化市')).out).not.toContain('DATE-LATE');
  });

  it('the language server reads it through its workspace files, and an open report’s check follows it', () => {
    const dir = tempDir();
    const file = join(dir, 'a.xxgk.yaml');
    writeFileSync(file, town('2025-02-10'));
    const reports = new WorkspaceReports({ get: () => undefined });
    const service = createLanguageService({ today: TODAY, folderDeadlines: reports.folderDeadlines, findPrevious: reports.findPrevious });
    const doc = TextDocument.create(pathToFileURL(file).toString(), 'xxgk', 1, town('2025-02-10'));
    expect(service.getDiagnostics(doc).map((d) => d.code)).toContain('DATE-LATE-LOCAL');
    writeFileSync(join(dir, 'xxgk.json'), '{"deadlines": {"乡镇人民政府": "02-15"}}');
    reports.changed();
    service.forgetAll();
    expect(service.getDiagnostics(doc).map((d) => d.code)).not.toContain('DATE-LATE-LOCAL');
  });
});
