/** The one YAML writer: what it writes reads back as what it was given. */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../server/src/model/model';
import { fieldText } from '../server/src/model/meta';
import { template2021 } from '../server/src/template';
import { draftText, emptyDraft } from '../server/src/write/yamlWriter';

describe('draftText', () => {
  it('writes a metadata value with line breaks on one line, so the file stays valid YAML', () => {
    const draft = emptyDraft(template2021);
    draft.meta.set('issuer', { value: '张营乡\n人民政府' });
    draft.meta.set('contact', { value: '党政办公室\r\n电话：0319-6240117', comment: '导入时\n推断' });
    const model = parseReport(draftText(draft));
    expect(model.findings.filter((f) => f.rule === 'YAML-SYNTAX')).toEqual([]);
    expect(fieldText(model.fields.get('issuer'))).toBe('张营乡 人民政府');
    expect(fieldText(model.fields.get('contact'))).toBe('党政办公室 电话：0319-6240117');
  });

  it('quotes values YAML would read otherwise', () => {
    const draft = emptyDraft(template2021);
    draft.meta.set('title', { value: '示例县: 2024年 # 报告' });
    draft.meta.set('issuer', { value: '- 张营乡' });
    const model = parseReport(draftText(draft));
    expect(fieldText(model.fields.get('title'))).toBe('示例县: 2024年 # 报告');
    expect(fieldText(model.fields.get('issuer'))).toBe('- 张营乡');
  });
});
