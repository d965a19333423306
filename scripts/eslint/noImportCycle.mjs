// ESLint rule: no import cycle between the project's own modules, type-only imports included.
// import-x/no-cycle skips `import type`, but a type cycle still ties two modules' designs together (the issue
// that introduced this rule had findings.ts ↔ rules/catalog.ts), so this rule follows every relative import.
// Other files' imports are listed with TypeScript's own pre-processor (ts.preProcessFile), not a regex.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** file → resolved relative imports, for the lifetime of one lint run. */
const importsOf = new Map();

function resolveSpecifier(fromFile, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const c of [base, `${base}.ts`, `${base}.mts`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (/\.(ts|mts)$/.test(c) && existsSync(c) && statSync(c).isFile()) return c;
  }
  return undefined;
}

function imports(file) {
  let list = importsOf.get(file);
  if (list) return list;
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  list = info.importedFiles.map((f) => resolveSpecifier(file, f.fileName)).filter(Boolean);
  importsOf.set(file, list);
  return list;
}

/** A path of imports from `start` back to `target`, or undefined. */
function routeBack(start, target) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length) {
    const route = queue.shift();
    for (const next of imports(route[route.length - 1])) {
      if (next === target) return route;
      if (!seen.has(next)) { seen.add(next); queue.push([...route, next]); }
    }
  }
  return undefined;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between modules, type-only imports included' },
    messages: { cycle: 'Import cycle: {{route}}' },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename;
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = resolveSpecifier(file, node.source.value);
      if (!target || target === file) return;
      const route = routeBack(target, file);
      if (!route) return;
      const rel = (p) => path.relative(process.cwd(), p);
      context.report({ node: node.source, messageId: 'cycle', data: { route: [file, ...route, file].map(rel).join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
