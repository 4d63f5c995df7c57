// Run by `npm run build` BEFORE tsc (plain JavaScript: it runs before anything is compiled).
// tsc builds incrementally: its record of what it last compiled (.build/.tsbuildinfo) lives IN
// .build, so a deleted .build is always rebuilt whole, and an unchanged src/ costs about a second
// instead of a full compile (`npm ci`'s prepare has just built when `npm test` builds again).
// What tsc's record cannot see, this makes right first, so that a stale build never passes:
// - a compiled file whose source is gone (deleted or renamed) is removed, with its declarations;
//   a test or the bundle could otherwise still find the old module;
// - a source whose compiled file is missing (a part of .build deleted by hand) makes tsc's record
//   void, so tsc compiles everything again;
// - `tsc -b` trusts modification times: a source whose text differs from the one last built but
//   whose time is older (copied with cp -p, unpacked from an archive) is touched, so tsc looks at it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.join(ROOT, 'src');
export const BUILD = path.join(ROOT, '.build');
export const RECORD = path.join(BUILD, '.tsbuildinfo');
/** A hash of each source's text as last built (paths from the package root). */
const HASHES = path.join(BUILD, '.source-hashes.json');
/** .build's own files that are not tsc's output of one source. */
const NOT_TSC = new Set(['bundle', 'bundle-inputs.json', 'validators.cjs', '.tsbuildinfo', '.source-hashes.json', '.tsc-done']);

/** Paths under `dir` (relative, with /) of the files whose names `keep` accepts. */
function files(dir, keep, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const relative = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (prefix === '' && NOT_TSC.has(e.name)) return [];
    if (e.isDirectory()) return files(path.join(dir, e.name), keep, relative);
    return keep(e.name) ? [relative] : [];
  });
}

if (existsSync(RECORD)) {
  const sources = new Set(files(SRC, (n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).map((f) => f.slice(0, -'.ts'.length)));
  const outputs = files(BUILD, (n) => n.endsWith('.js') || n.endsWith('.d.ts'));
  const compiled = new Set();
  for (const out of outputs) {
    const stem = out.replace(/(\.d\.ts|\.js)$/, '');
    if (sources.has(stem)) compiled.add(`${stem}${out.endsWith('.js') ? '.js' : '.d.ts'}`);
    else rmSync(path.join(BUILD, out));
  }
  if ([...sources].some((s) => !compiled.has(`${s}.js`) || !compiled.has(`${s}.d.ts`))) rmSync(RECORD);
}

/** What tsc -b reads: every source and the configuration (paths from the package root). */
export const inputs = [...files(SRC, (n) => n.endsWith('.ts')).map((f) => `src/${f}`), 'tsconfig.json'];
const hashes = Object.fromEntries(inputs.map((f) => [f, createHash('sha1').update(readFileSync(path.join(ROOT, f))).digest('hex')]));
if (existsSync(RECORD)) {
  const built = existsSync(HASHES) ? JSON.parse(readFileSync(HASHES, 'utf8')) : {};
  const now = new Date();
  for (const f of inputs) if (built[f] !== hashes[f]) utimesSync(path.join(ROOT, f), now, now);
}
// Written before tsc runs: should it fail, the sources it did not build are newer than its record.
mkdirSync(BUILD, { recursive: true });
writeFileSync(HASHES, `${JSON.stringify(hashes, null, 1)}\n`);
/** One hash of every source and tsconfig.json as they are now (build.mjs: whether tsc already built exactly these). */
export const sourcesKey = createHash('sha1').update(JSON.stringify(hashes)).digest('hex');
