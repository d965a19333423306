import { checkText } from '../server/src/check';
for (const body of [('258件，占33.9%，').repeat(30000), ('共收到申请805件，予以公开258件，占33.9%。').repeat(15000)]) {
  const text = `格式: 2021\n年度: 2024\n机关: 某乡人民政府\n机关类型: 乡镇人民政府\n导语: |\n  ${body}\n`;
  const t = Date.now(); const r = checkText(text); console.log(body.slice(0, 12), text.length, Date.now() - t, 'ms', r.findings.length);
}
