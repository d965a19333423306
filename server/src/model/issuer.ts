/**
 * Names of issuing bodies: a body is written with or without its kind (“张营乡人民政府” / “张营乡”), and two
 * reports are of the same body when their names share a form.
 */

/** “张营乡人民政府” ↔ “张营乡”: the short name is the full name without the kind of body. */
export function shortNames(issuer: string): string[] {
  const short = issuer.replace(/(人民政府办公厅|人民政府办公室|人民政府|办事处)$/, '');
  return short && short !== issuer ? [issuer, short] : [issuer];
}

/** Whether two issuer names name the same body (“张营乡人民政府” and “张营乡”). */
export function sameBody(a: string, b: string): boolean {
  const na = shortNames(a), nb = shortNames(b);
  return na.some((x) => nb.includes(x));
}
