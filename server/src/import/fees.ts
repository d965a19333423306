/**
 * 信息处理费 figures stated in part 六's prose: the number of fee notices, their amount, the amount collected
 * (“发出收费通知0件，金额0元，实际收取0元”). A plain nil statement (“未收取信息处理费”) gives zeros, reported as
 * inferred. Nothing stated: no figures, so the checker asks for them (FEE-SHAPE).
 */
const NUM = '(\\d+(?:\\.\\d+)?)';

const NOTICES = [new RegExp(`收费通知(?:书)?(?:的)?(?:件数|数量)?(?:为|共|共计)?\\s*${NUM}\\s*(?:件|份|次)`), new RegExp(`(?:发出|开具|送达)\\s*${NUM}\\s*(?:件|份)\\s*收费通知`)];
const BILLED = [new RegExp(`收费通知(?:书)?[^。；;]{0,12}?(?:总金额|金额)(?:为|共|共计|合计)?\\s*${NUM}\\s*元`)];
const COLLECTED = [new RegExp(`实际收取(?:的)?(?:信息处理费)?(?:的)?(?:总金额|金额|费用)?(?:为|共|共计|合计)?\\s*${NUM}\\s*元`), new RegExp(`(?:实收|收取信息处理费)(?:共计|合计|共)?\\s*${NUM}\\s*元`)];
const NIL = /(?:未|没有|无|不存在)(?:发生|产生)?(?:收取|收缴|征收)?[^。；;，,]{0,12}?信息处理费|信息处理费[^。；;]{0,10}?(?:为\s*0|为零|均为0)/;

export interface StatedFees {
  values: Record<string, number>;
  /** The nil statement the zeros were inferred from, when no figure was written. */
  inferred?: string;
}

function first(res: RegExp[], text: string): number | undefined {
  for (const re of res) {
    const m = re.exec(text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

export function extractFees(text: string): StatedFees | undefined {
  const t = text.normalize('NFKC');
  const found: Record<string, number> = {};
  const n = first(NOTICES, t), b = first(BILLED, t), c = first(COLLECTED, t);
  if (n !== undefined) found['fee.notices'] = n;
  if (b !== undefined) found['fee.billed'] = b;
  if (c !== undefined) found['fee.collected'] = c;
  if (Object.keys(found).length) return { values: found };
  const nil = NIL.exec(t);
  if (nil) return { values: { 'fee.notices': 0, 'fee.billed': 0, 'fee.collected': 0 }, inferred: nil[0] };
  return undefined;
}
