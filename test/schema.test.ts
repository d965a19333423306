/** The zod format and its generated JSON Schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchema, reportSchema } from '../server/src/model/schema';
import { CLEAN, COUNTY, ROOT, SEED, sample } from './helpers/samples';

describe('report schema', () => {
  it('accepts the complete samples', () => {
    for (const name of [CLEAN, COUNTY]) {
      const r = reportSchema().safeParse(parse(sample(name)));
      expect(r.success, JSON.stringify(r.error?.issues.slice(0, 3))).toBe(true);
    }
  });

  it('rejects the seed (missing part 四, rows and fee figures)', () => {
    const r = reportSchema().safeParse(parse(sample(SEED)));
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('/'));
    expect(paths).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(paths).toContain('三、收到和处理政府信息公开申请情况/结转下年度继续办理');
  });

  it('is what schemas/xxgk-report.schema.json holds (the build regenerates it; npm test checks it)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', 'xxgk-report.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(jsonSchema())));
  });
});
