/** `xxgk review` holds each report to the deadline `xxgk check` would: command line first, then its xxgk.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReview } from '../server/src/review/review';
import { deadlineProfile } from '../server/src/template/deadlineProfiles';
import { CLEAN, TODAY, edit, sample } from './helpers/samples';
import { tempDir } from './helpers/tmp';

/** A town's report signed on 10 February: late by the national default, on time where towns have until 2月20日. */
const LATE_TOWN = edit(sample(CLEAN), '落款日期: 2025-01-20', '落款日期: 2025-02-10');

async function reviewOf(folder: string, deadlines?: Parameters<typeof runReview>[0]['deadlines']) {
  const { result } = await runReview({ inputs: [folder], cwd: folder, jobs: 1, today: TODAY, deadlines });
  const [report] = result.reports;
  return { deadline: report.deadline, daysLate: report.daysLate, rules: report.findings.map((f) => f.rule) };
}

describe('deadlines in xxgk review', () => {
  it('without a choice: 31 January, so 10 February is late', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'town.xxgk.yaml'), LATE_TOWN);
    expect(await reviewOf(dir)).toMatchObject({ deadline: '2025-01-31', daysLate: 10, rules: expect.arrayContaining(['DATE-LATE-LOCAL']) });
  });

  it('an xxgk.json beside the reports chooses the profile (怀化市: towns by 2月20日)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'towns'));
    writeFileSync(join(dir, 'towns', 'town.xxgk.yaml'), LATE_TOWN);
    writeFileSync(join(dir, 'xxgk.json'), JSON.stringify({ deadlineProfile: '怀化市' }));
    const r = await reviewOf(dir);
    expect(r).toMatchObject({ deadline: '2025-02-20', daysLate: -10 });
    expect(r.rules).not.toContain('DATE-LATE-LOCAL');
  });

  it('the command line (--deadline-profile) comes before the folder’s xxgk.json', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'town.xxgk.yaml'), LATE_TOWN);
    writeFileSync(join(dir, 'xxgk.json'), JSON.stringify({ localDeadline: '01-15' }));
    const profile = deadlineProfile('怀化市')!;
    expect(await reviewOf(dir, [{ profile, origin: '--deadline-profile' }])).toMatchObject({ deadline: '2025-02-20' });
    expect(await reviewOf(dir)).toMatchObject({ deadline: '2025-01-15', daysLate: 26 });
  });
});
