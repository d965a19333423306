// Types for scripts/check-vsix.mjs (used by test/package.test.ts).
export function checkVsix(zip: Buffer): { files: { name: string; size: number }[]; problems: string[] };
