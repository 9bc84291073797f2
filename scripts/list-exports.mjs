#!/usr/bin/env node
// Lists the public exports of every entry point of typedoc.json (one per package subpath) with their documentation
// state: documented (a TSDoc summary), with an @example, or neither. Prints a count per module and the names that
// lack a summary or an example, for the closing note of the docs work.
//
//   node scripts/list-exports.mjs            counts per module, then what is missing
//   node scripts/list-exports.mjs --names    also every documented export, per module
//   node scripts/list-exports.mjs --json     one JSON document
//   node scripts/list-exports.mjs --strict   exit 1 when an export lacks a summary or an @example
//
// It reads the sources with the TypeScript compiler API (no build needed). Re-exports are followed to their
// declaration; a name exported by several entry points is counted in each.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const typedoc = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8'));
const entryPoints = typedoc.entryPoints.map((p) => join(root, p));

const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram({ rootNames: entryPoints, options: { ...config.options, noEmit: true } });
const checker = program.getTypeChecker();

/** The subpath of an entry point: `src/calendar/index.ts` → `vn-egov/calendar`, `src/index.ts` → `vn-egov`. */
function subpath(file) {
  const dir = dirname(relative(join(root, 'src'), file));
  return dir === '.' ? 'vn-egov' : `vn-egov/${dir}`;
}

function kindOf(decl) {
  if (ts.isFunctionDeclaration(decl)) return 'function';
  if (ts.isClassDeclaration(decl)) return 'class';
  if (ts.isInterfaceDeclaration(decl)) return 'interface';
  if (ts.isTypeAliasDeclaration(decl)) return 'type';
  if (ts.isEnumDeclaration(decl)) return 'enum';
  if (ts.isVariableDeclaration(decl)) return 'variable';
  if (ts.isModuleDeclaration(decl) || ts.isSourceFile(decl) || ts.isNamespaceExport?.(decl) || ts.isNamespaceImport(decl)) return 'namespace';
  return ts.SyntaxKind[decl.kind];
}

/** TSDoc state of a declaration: summary text and tags, from the JSDoc nodes TypeScript attaches. */
function docOf(symbol) {
  const decls = symbol.declarations ?? [];
  let summary = '';
  let example = false;
  let internal = false;
  for (const d of decls) {
    const host = ts.isVariableDeclaration(d) ? d.parent.parent : d;
    for (const doc of ts.getJSDocCommentsAndTags(host)) {
      if (!ts.isJSDoc(doc)) continue;
      const text = typeof doc.comment === 'string' ? doc.comment : (doc.comment ?? []).map((c) => c.text ?? '').join('');
      if (text.trim()) summary = summary || text.trim();
      for (const tag of doc.tags ?? []) {
        const name = tag.tagName.text;
        if (name === 'example') example = true;
        if (name === 'internal') internal = true;
      }
      // `/** … @internal */` written inline in the summary
      if (/@internal\b/.test(text)) internal = true;
    }
  }
  return { summary, example, internal };
}

const modules = [];
for (const file of entryPoints) {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`not in the program: ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  const entries = [];
  for (const exported of exports) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = target.declarations?.[0];
    if (!decl) continue;
    const kind = kindOf(decl);
    // Namespace re-exports of the root (`export * as calendar`) are documented by their module's @packageDocumentation.
    const doc = kind === 'namespace' || ts.isSourceFile(decl) ? { summary: 'module', example: true, internal: false } : docOf(target);
    if (doc.internal) continue;
    entries.push({ name: exported.name, kind, documented: doc.summary !== '', example: doc.example, file: relative(root, decl.getSourceFile().fileName) });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  modules.push({ module: subpath(file), entries });
}

const totals = { exports: 0, documented: 0, withExample: 0 };
for (const m of modules) {
  m.counts = {
    exports: m.entries.length,
    documented: m.entries.filter((e) => e.documented).length,
    withExample: m.entries.filter((e) => e.documented && e.example).length,
  };
  totals.exports += m.counts.exports;
  totals.documented += m.counts.documented;
  totals.withExample += m.counts.withExample;
}
const missing = modules.flatMap((m) => m.entries.filter((e) => !e.documented || !e.example).map((e) => ({ module: m.module, ...e })));

if (args.has('--json')) {
  console.log(JSON.stringify({ totals, modules, missing }, null, 2));
} else {
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`${pad('module', 20)} ${pad('exports', 8)} ${pad('documented', 11)} with @example`);
  for (const m of modules) console.log(`${pad(m.module, 20)} ${pad(m.counts.exports, 8)} ${pad(m.counts.documented, 11)} ${m.counts.withExample}`);
  console.log(`${pad('total', 20)} ${pad(totals.exports, 8)} ${pad(totals.documented, 11)} ${totals.withExample}`);
  if (args.has('--names')) {
    for (const m of modules) {
      console.log(`\n${m.module} (${m.counts.documented} documented):`);
      console.log(`  ${m.entries.filter((e) => e.documented).map((e) => e.name).join(', ')}`);
    }
  }
  if (missing.length) {
    console.log(`\n${missing.length} exports without a summary or an @example:`);
    for (const e of missing) console.log(`  ${pad(e.module, 18)} ${pad(e.name, 36)} ${pad(e.kind, 10)} ${e.documented ? 'no @example' : 'undocumented'}  ${e.file}`);
  }
}
if (args.has('--strict') && missing.length) process.exitCode = 1;
