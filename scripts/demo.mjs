// The main job of the setup: check every sample. The seed and the mistakes sample contain real errors,
// so `xxgk check` must exit 1 here; this script fails if it does not (or if it crashes).
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['server/out/cli.js', 'check', 'samples/'], { stdio: 'inherit' });
if (r.status !== 1) {
  console.error(`\nxxgk check samples/ exited ${r.status}; expected 1 (the seed sample has errors).`);
  process.exit(1);
}
console.log('\n以上是 samples/ 中各报告的检查结果：种子样例（张营乡 2023）和错误样例的问题均已发现，干净样例没有提示。');
