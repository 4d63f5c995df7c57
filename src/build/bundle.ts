// Run by `npm run build` after tsc: links tsc's output (.build/cli/main.js and the ~180
// modules under it) into a few files in .build/bundle/, which bin/club runs. Node then
// resolves, reads and compiles a handful of files instead of the hundred a plain
// `club validate` pulled in one by one. tsc stays the compiler and the type checker;
// esbuild only joins its JavaScript. Code splitting keeps every `await import(…)`
// a separate chunk, loaded only by the command that needs it.
//
// The chunks sit one folder below .build/, as every module under .build/<layer>/ does,
// so a path a module finds from its own place (`new URL('../../schemas/', import.meta.url)`)
// means the same in both. Keep such paths in files one folder deep in src/.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import type { Io } from '../cli/io.js';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.dirname(BUILD);
const OUT = path.join(BUILD, 'bundle');

/**
 * Packages joined into the bundle: the ones every command loads on start-up, and the ones
 * every WRITING command loads. Commander is seven CommonJS files, each found, read and
 * wrapped by Node's loader on every run; yaml (which keeps a record's comments when a
 * command edits it) is about thirty, and diff's ES modules a dozen: joined, `club appoint`
 * costs about a third less CPU (0.36 -> 0.24 s), which the kill tests pay once per kill.
 * They stay lazy chunks: `club validate` still loads neither (test/e2e/start-up.test.ts).
 * Every other package stays a package (native code, fonts and data files found beside it).
 */
const INLINE = new Set(['commander', 'js-yaml', 'yaml', 'diff']);

/**
 * Commander requires node:child_process at load, for subcommands that are separate executables
 * (club has none): that one require loads child_process, net, dgram and their streams, a few
 * milliseconds of every run. Commander gets a stand-in that loads the real module on first use.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      loader: 'js',
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
    }));
  },
};

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
for (const name of INLINE) {
  if (!(name in pkg.dependencies)) throw new Error(`bundle: ${name} is not a dependency any more; update INLINE`);
}

const SHARED: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  external: Object.keys(pkg.dependencies).filter((name) => !INLINE.has(name)),
  logLevel: 'warning',
  metafile: true,
  // Node reads and parses all of a file it loads: without comments and layout, less to scan on every run.
  // Names stay (no minifyIdentifiers), so an internal error's stack still names the functions.
  minifyWhitespace: true,
  minifySyntax: true,
};

rmSync(OUT, { recursive: true, force: true });
const { metafile: esmBundle } = await build({
  ...SHARED,
  entryPoints: [path.join(BUILD, 'cli', 'main.js')],
  outdir: OUT,
  splitting: true,
  format: 'esm',
  // CommonJS joined into ES modules still calls require() for Node's own modules. Every file gets the banner,
  // only one calls it (commander's): the require function is made on that first call, not in each file.
  banner: { js: "import { createRequire as __clubRequire } from 'node:module'; let __clubRequired; const require = (id) => (__clubRequired ??= __clubRequire(import.meta.url))(id);" },
  chunkNames: 'chunk-[hash]',
  plugins: [lazyChildProcess],
});

/**
 * `club validate` is what a secretary and every CI run start most, and on a small folder Node spends
 * more time compiling club than checking it. Node 20 keeps no compiled code of ES modules between runs,
 * but V8 can take back what it compiled for a classic script (a code cache). So validate also gets ONE
 * CommonJS file, .build/bundle/validate.cjs, which bin/club compiles with node:vm and the code cache made
 * below; the cache holds, besides the top level, every function a validate of the shipped data ran
 * (commander, the reader, the rules, the precompiled validators, the report), so a run compiles almost
 * nothing. It holds main.ts and every command's registration, but only validate's work: bin/club runs it
 * only when the command is `validate` (the same word main.ts builds alone), so the other commands'
 * `import()`s are never reached there, and they stay out of it (a stand-in that fails loudly if ever run).
 * The other commands run from the ES modules above: one copy of each module per run, never both.
 */
const notInValidate: Plugin = {
  name: 'not-in-validate',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' && /[\\/]cli[\\/]commands[\\/]/.test(args.importer) && args.path !== '../validate-command.js'
        ? { path: args.path, namespace: 'not-in-validate' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'not-in-validate' }, (args) => ({
      loader: 'js',
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in validate.cjs: bin/club runs it only for validate`)});`,
    }));
  },
};

/**
 * The validators compiled at build time (.build/validators.cjs) join validate.cjs, so the code cache holds
 * them too: required on their own they are 200 kB that Node compiles on every run. store/validators.ts asks
 * for them by a path esbuild does not follow (the same file from src/ and .build/); here it becomes a plain
 * require of the file beside .build/store/. It still carries its schemas' text, compared on every run.
 */
const VALIDATORS_REQUIRE = "createRequire(import.meta.url)('../../.build/validators.cjs')";
const inlineValidators: Plugin = {
  name: 'inline-validators',
  setup(b) {
    b.onLoad({ filter: /[\\/]\.build[\\/]store[\\/]validators\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(VALIDATORS_REQUIRE)) throw new Error(`bundle: ${args.path} no longer has ${VALIDATORS_REQUIRE}; update inlineValidators`);
      return { loader: 'js', contents: text.replace(VALIDATORS_REQUIRE, "require('../validators.cjs')") };
    });
  },
};

const validate = await build({
  ...SHARED,
  // The validators' run-time helpers (ajv's equal and ucs2length, ajv-formats' format checks) join it too: required
  // from node_modules, each is found, read and compiled on every run. ajv's compiler, which schema-check.ts loads
  // only when the schemas changed since the build, stays a package (required at run time by a path esbuild leaves).
  external: (SHARED.external ?? []).filter((name) => name !== 'ajv' && name !== 'ajv-formats'),
  entryPoints: [path.join(BUILD, 'cli', 'main.js')],
  write: false,
  outfile: path.join(OUT, 'validate.cjs'),
  format: 'cjs',
  // import.meta.url in a CommonJS file: its own URL (.build/bundle/, where the ES modules' chunks sit too).
  define: { 'import.meta.url': '__clubFileUrl' },
  // ES modules are strict; so is this file, from its first statement (esbuild's own "use strict" comes after the banner).
  banner: { js: "'use strict';const __clubFileUrl=require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyChildProcess, notInValidate, inlineValidators],
});
const validateFile = validate.outputFiles[0]!;
// import() of a package (chalk, for colour) cannot run in a script compiled from a code cache on Node 20 (the
// script's loader is lost), so it goes through bin/club's own import(), passed in as __clubImport: the same
// package, found from the same package root.
const imports = validateFile.text.match(/\bimport\([^)]*\)/g) ?? [];
const unknownImport = imports.find((call) => call !== 'import("chalk")');
if (unknownImport !== undefined) throw new Error(`bundle: validate.cjs has ${unknownImport}; only import("chalk") is passed to bin/club`);
// All ASCII: Node then decodes the file straight into a one-byte string (half the memory of a two-byte one, and
// quicker to make). esbuild escapes every letter but those in a regular expression: /ё/g is written /\u0451/g,
// the same pattern. Another letter it leaves stops the build, to be escaped here or in the source.
const validateText = validateFile.text.replaceAll('import("chalk")', '__clubImport("chalk")').replaceAll('/ё/g', '/\\u0451/g');
const notAscii = /[^\x00-\x7f]/.exec(validateText);
if (notAscii) throw new Error(`bundle: validate.cjs has ${notAscii[0]} in \`${validateText.slice(notAscii.index - 40, notAscii.index + 10)}\`; escape it`);
// Its first line names its content: bin/club's cache for it is named after that, so a cache made for another
// build is never offered to V8 (which checks only the source's length).
const validateId = createHash('sha256').update(validateText).digest('hex').slice(0, 16);
writeFileSync(validateFile.path, `// club ${validateId}\n${validateText}`);
const validateBundle = validate.metafile!;

// The code cache, for the Node that builds (bin/club makes one for another Node on its first run, where it can
// write). Made by bin/club's own loader after a validate of the shipped data in this process, so it holds what
// that run compiled; the output goes nowhere.
const { loadValidate } = createRequire(import.meta.url)(path.join(ROOT, 'bin', 'club')) as {
  loadValidate(): { cli: { main(argv: string[], io: Io): Promise<number> }; writeCache(): void };
};
const loaded = loadValidate();
const nowhere = { write: () => true, isTTY: false };
await loaded.cli.main(['validate', '--data', path.join(ROOT, 'data'), '--format', 'text'], { stdout: nowhere, stderr: nowhere, env: {}, cwd: ROOT, now: () => new Date() });
loaded.writeCache();

// Which modules each file of the bundle holds (paths from the package root), for test/e2e/start-up.test.ts:
// it names the modules a command loaded, as it could when they were loaded one by one.
const inputs = Object.fromEntries([...Object.entries(esmBundle!.outputs), ...Object.entries(validateBundle.outputs)]
  .map(([file, output]) => [file, Object.keys(output.inputs)]));
writeFileSync(path.join(BUILD, 'bundle-inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
