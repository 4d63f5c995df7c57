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
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

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

rmSync(OUT, { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: [path.join(BUILD, 'cli', 'main.js')],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: Object.keys(pkg.dependencies).filter((name) => !INLINE.has(name)),
  // CommonJS joined into ES modules still calls require() for Node's own modules. Every file gets the banner,
  // only one calls it (commander's): the require function is made on that first call, not in each file.
  banner: { js: "import { createRequire as __clubRequire } from 'node:module'; let __clubRequired; const require = (id) => (__clubRequired ??= __clubRequire(import.meta.url))(id);" },
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
  metafile: true,
  // Node reads and parses all of a file it loads: without comments and layout, less to scan on every run.
  // Names stay (no minifyIdentifiers), so an internal error's stack still names the functions.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [lazyChildProcess],
});

// Which modules each file of the bundle holds (paths from the package root), for test/e2e/start-up.test.ts:
// it names the modules a command loaded, as it could when they were loaded one by one.
const inputs = Object.fromEntries(Object.entries(metafile.outputs).map(([file, output]) => [file, Object.keys(output.inputs)]));
writeFileSync(path.join(BUILD, 'bundle-inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
