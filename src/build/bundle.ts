// Run by `npm run build` after tsc: links tsc's output (.build/cli/main.js and the ~180
// modules under it) into two CommonJS files in .build/bundle/, which bin/club compiles with
// V8's code cache: validate.cjs (validate alone) and commands.cjs (every other command).
// Node then reads and compiles one file instead of the hundred modules a command pulled in
// one by one, and with the cache compiles almost nothing. tsc stays the compiler and the
// type checker; esbuild only joins its JavaScript.
//
// The files sit one folder below .build/, as every module under .build/<layer>/ does,
// so a path a module finds from its own place (`new URL('../../schemas/', import.meta.url)`)
// means the same in both. Keep such paths in files one folder deep in src/.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type BuildOptions, type Plugin } from 'esbuild';
import type { Io } from '../cli/io.js';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.dirname(BUILD);
const OUT = path.join(BUILD, 'bundle');

/**
 * Packages joined into validate.cjs besides its validators' helpers: commander, which every command
 * loads on start-up, and the YAML readers. yaml and diff are never reached by validate (its file
 * holds no writer), but stay listed so validate.cjs never requires them as packages. Every other
 * package stays a package there.
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

/**
 * package.json's `dependencies` are the packages club loads from node_modules at run time (checked at the end, from
 * what the files written here require): an install fetches only those. Every other package club's code imports is
 * joined into these files at build time and is a devDependency, as docx is.
 */
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
for (const name of INLINE) {
  if (!(name in pkg.dependencies) && !(name in pkg.devDependencies)) throw new Error(`bundle: ${name} is not a package of club any more; update INLINE`);
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

/** What validate.cjs and commands.cjs share: one CommonJS file from the CLI's entry, kept in memory for the checks below. */
const SCRIPT = {
  entryPoints: [path.join(BUILD, 'cli', 'main.js')],
  write: false as const,
  format: 'cjs' as const,
  // import.meta.url in a CommonJS file: its own URL (in .build/bundle/, one folder below .build/ as the modules were).
  define: { 'import.meta.url': '__clubFileUrl' },
  // ES modules are strict; so is this file, from its first statement (esbuild's own "use strict" comes after the banner).
  banner: { js: "'use strict';const __clubFileUrl=require('node:url').pathToFileURL(__filename).href;" },
} satisfies BuildOptions;

/**
 * Around the file's code: the function Node's CommonJS loader would wrap it in, written into the file, so bin/club
 * compiles the text as it read it instead of making a 2 MB copy inside a wrapper on every run. Only bin/club loads
 * validate.cjs, commands.cjs and the own files (OWN_FILES; a require() of one would get the function, not run it).
 */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'] as const;

/**
 * `npm test` builds again right after `npm ci`'s build, and a developer builds again and again: when nothing the
 * bundle is made from changed since the last build, and .build/bundle/ holds exactly what that build left, the
 * build stops here (esbuild and five Nodes making code caches: about 2 s of CPU). What it is made from: every file
 * esbuild read for any file below (a virtual module, `lazy:child_process`, comes from this script), this script,
 * bin/club (the loader that makes the caches), package.json, the shipped data the caches are made on, and the Node
 * that made them. The record of the last build, .build/.bundle-record.json, is not in the package (package.json's
 * "files" takes only .build/bundle/*.cjs).
 */
const RECORD = path.join(BUILD, '.bundle-record.json');
/** Every file esbuild read for this build (esbuild names them from its working folder). */
const read = new Set<string>();
const build: typeof esbuild = async (options) => {
  const result = await esbuild(options);
  // An entry given as text (stdin) is written in this file, which the record hashes anyway.
  for (const file of Object.keys(result.metafile?.inputs ?? {})) if (file !== '<stdin>') read.add(path.resolve(options.absWorkingDir ?? process.cwd(), file));
  return result;
};
const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
function sourcesHash(files: readonly string[]): string | undefined {
  const own = [path.join(ROOT, 'bin', 'club'), path.join(ROOT, 'package.json'), fileURLToPath(import.meta.url), ...filesUnder(path.join(ROOT, 'data'))];
  const hash = createHash('sha256').update(`${process.version} ${process.platform} ${process.arch}\n`);
  for (const file of [...new Set([...files, ...own])].sort()) {
    hash.update(`${file}\0`);
    if (existsSync(file)) hash.update(readFileSync(file));
    else if (!/^[\w-]+:/.test(path.relative(process.cwd(), file))) return undefined; // a file read last time is gone: build
  }
  return hash.digest('hex');
}
/**
 * Packages a command needs only now and then, each joined with the packages it pulls in into ONE CommonJS file of
 * its own beside the bundle, which validate.cjs and commands.cjs require from there when a command first needs it
 * (never on the way of the others; bin/club compiles it with a code cache of its own, RUN_CACHE): exceljs (+ ~200 packages: archiver, unzipper, jszip,
 * es-abstract…) for the workbooks of `import` and `list --format xlsx`, @inquirer/prompts (+ ~30) for the prompts,
 * and chalk for colour. So none of them is a dependency: an install fetches and writes none of those packages
 * (about three quarters of what an install cost), and no command starts Node's ES-module loader (chalk and the
 * prompts are ES modules, imported before through bin/club). The prompts' file has its own copy of @inquirer/core:
 * a prompt uses the hooks of the copy it was made with.
 */
const OWN_FILES: Record<string, string> = { exceljs: 'exceljs.cjs', '@inquirer/prompts': 'prompts.cjs', chalk: 'chalk.cjs' };
// bin/club compiles each of them itself (they are written inside CommonJS's function, writeScript): a require() of one
// it does not name would get that function, not run it.
const BIN_CLUB = readFileSync(path.join(ROOT, 'bin', 'club'), 'utf8');
for (const file of Object.values(OWN_FILES)) {
  if (!BIN_CLUB.includes(`'./${file}'`)) throw new Error(`bundle: bin/club's OWN_FILES does not name './${file}'; add it there`);
}
/**
 * The code caches of the own files (OWN_FILES) are not the build's: bin/club writes them on a command's first good run
 * that loads the file (an xlsx run, a prompt), in the clone too (the tests run it). Named after their file's content
 * hash, one never stands for other content: a build stays up to date with or without them.
 */
const RUN_CACHE = new RegExp(`^(?:${Object.values(OWN_FILES).map((file) => path.basename(file, '.cjs')).join('|')})-[0-9a-f]+-[^/\\\\]*\\.cache$`);
function outputHash(): string {
  const hash = createHash('sha256');
  for (const file of existsSync(OUT) ? filesUnder(OUT).filter((f) => !RUN_CACHE.test(path.relative(OUT, f))).sort() : []) hash.update(`${path.relative(OUT, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
{
  type Record = { read?: string[]; sources?: string; output?: string };
  const last: Record = existsSync(RECORD) ? (JSON.parse(readFileSync(RECORD, 'utf8')) as Record) : {};
  if (last.read !== undefined && last.sources === sourcesHash(last.read) && last.output === outputHash()) process.exit(0);
  rmSync(RECORD, { force: true });
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

/**
 * `club validate` is what a secretary and every CI run start most, and on a small folder Node spends
 * more time compiling club than checking it. Node 20 keeps no compiled code of ES modules between runs,
 * but V8 can take back what it compiled for a classic script (a code cache). So validate gets ONE
 * CommonJS file, .build/bundle/validate.cjs, which bin/club compiles with node:vm and the code cache made
 * below; the cache holds, besides the top level, every function a validate of the shipped data ran
 * (commander, the reader, the rules, the precompiled validators, the report), so a run compiles almost
 * nothing. It holds main.ts and every command's registration, but only validate's work: bin/club runs it
 * only when the command is `validate` (the same word main.ts builds alone), so the other commands'
 * `import()`s are never reached there, and they stay out of it (a stand-in that fails loudly if ever run).
 * The other commands run from commands.cjs below: one copy of each module per run, never both.
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

const ownFiles: Plugin = {
  name: 'own-files',
  setup(b) {
    b.onResolve({ filter: /^[@\w][\w./-]*$/ }, (args) => (args.path in OWN_FILES ? { path: args.path, namespace: 'own-file' } : undefined));
    b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/, namespace: 'own-file' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'own-file' }, (args) => ({ loader: 'js', contents: `module.exports = require(${JSON.stringify(`./${OWN_FILES[args.path]}`)});` }));
  },
};
for (const [name, file] of Object.entries(OWN_FILES)) {
  const own = await build({ ...SHARED, external: [], entryPoints: [name], absWorkingDir: ROOT, format: 'cjs', write: false, outfile: path.join(OUT, file) });
  noImport(own.outputFiles[0]!.text, file);
  // As commands.cjs is written (inside CommonJS's function, its content's hash first): bin/club compiles it with a
  // code cache of its own, named after that hash (an xlsx run compiled exceljs's 1.5 MB on every run without one).
  writeScript(own.outputFiles[0]!, file);
}

/**
 * A file of the bundle may not import(): a script compiled from a code cache cannot on Node 20 (its loader is lost),
 * and a package's import() would start Node's ES-module loader. A package a command loads on demand is an own file.
 */
function noImport(text: string, name: string): void {
  const call = /\bimport\([^)]*\)/.exec(text)?.[0];
  if (call !== undefined) throw new Error(`bundle: ${name} has ${call}; add the package to OWN_FILES`);
}

/**
 * Packages a module loads on first use, by a require esbuild does not follow (`createRequire(import.meta.url)('x')`):
 * here each becomes a plain require, which esbuild joins to commands.cjs as the package's copy, still run only when
 * first required. model/record-id.ts: transliteration and pinyin-pro (their tables cost ~90 ms to build, and a name
 * in Latin letters needs neither; their CommonJS copies). query/display-width.ts: string-width (its Intl.Segmenter,
 * ~12 ms, for a text of wide or combining characters only). cli/document-output.ts: fflate (its tables, for --check of
 * a Word file only); render/docx.ts imports fflate too, so that require is given the same ES-module copy (ESM_COPIES),
 * not a second, CommonJS one. parse/yaml-record.ts: yaml's parser (files off the fast path); model/search-text.ts:
 * transliteration (a search); authoring/set-fields.ts: ajv-formats' formats (`set`); parse/fast-parse.ts: js-yaml (its
 * ES-module copy, as imported before: a file simpleParse declines, a diagnostic's position): so none of these is loaded from
 * node_modules, and none is a dependency (an install adds 4 packages, not 12). validate.cjs holds no yaml (its fast
 * path reads the shipped data): there yaml's require is of yaml.cjs, a file of its own (`own`: package -> file).
 */
const LAZY_REQUIRES: Record<string, string[]> = {
  'model/record-id.js': ['transliteration', 'pinyin-pro'],
  'query/display-width.js': ['string-width'],
  'cli/document-output.js': ['fflate'],
  'parse/yaml-record.js': ['yaml'],
  'model/search-text.js': ['transliteration'],
  'authoring/set-fields.js': ['ajv-formats/dist/formats.js'],
  'parse/fast-parse.js': ['js-yaml'],
};
const ESM_COPIES = new Set(['fflate', 'js-yaml']);
const lazyRequires = (own: Record<string, string> = {}): Plugin => ({
  name: 'lazy-requires',
  setup(b) {
    const files = Object.keys(LAZY_REQUIRES).map((file) => file.replace(/[./]/g, (c) => (c === '.' ? '\\.' : '[\\\\/]')));
    b.onLoad({ filter: new RegExp(`[\\\\/]\\.build[\\\\/](${files.join('|')})$`) }, (args) => {
      const file = path.relative(BUILD, args.path).split(path.sep).join('/');
      let text = readFileSync(args.path, 'utf8');
      for (const name of LAZY_REQUIRES[file] ?? []) {
        const call = `createRequire(import.meta.url)('${name}')`;
        if (!text.includes(call)) throw new Error(`bundle: ${args.path} no longer has ${call}; update LAZY_REQUIRES`);
        text = text.replaceAll(call, `require('${name in own ? `./${own[name]}` : name}')`);
      }
      return { loader: 'js', contents: text };
    });
    b.onResolve({ filter: new RegExp(`^(${[...ESM_COPIES].join('|')})$`) }, async (args) =>
      args.kind === 'require-call' ? b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir }) : undefined);
    b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (args) => (Object.values(own).includes(args.path.slice(2)) ? { path: args.path, external: true } : undefined));
  },
});

/**
 * ajv's compiler with ajv-formats, which load/schema-check.ts's compileValidators requires only when the schemas
 * changed since the build (the validators compiled at build time are used otherwise): one file of its own,
 * .build/bundle/ajv.cjs (the two share its one copy of ajv), required from validate.cjs and commands.cjs in place
 * of the packages, so ajv is not a dependency either.
 */
const AJV_SPECS = ['ajv/dist/2020.js', 'ajv-formats'];
const AJV_FILE = 'ajv.cjs';
const ajvCompiler: Plugin = {
  name: 'ajv-compiler',
  setup(b) {
    b.onLoad({ filter: /[\\/]\.build[\\/]load[\\/]schema-check\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to] of [['const require = createRequire(import.meta.url);', `const ajvCompiler = require('./${AJV_FILE}');`],
        ...AJV_SPECS.map((spec) => [`require('${spec}')`, `ajvCompiler[${JSON.stringify(spec)}]`])]) {
        if (text.split(from!).length !== 2) throw new Error(`bundle: ${args.path} no longer has ${from} once; update ajvCompiler`);
        text = text.replace(from!, to!);
      }
      return { loader: 'js', contents: text };
    });
    b.onResolve({ filter: new RegExp(`^\\./${AJV_FILE.replace('.', '\\.')}$`) }, (args) => ({ path: args.path, external: true }));
  },
};
/**
 * The fonts charts are drawn with (render/svg-png.ts): the two files of dejavu-fonts-ttf it names, with the fonts'
 * licence, copied to .build/bundle/fonts/ (1.4 MB), and svg-png's folder of them is that one in commands.cjs, so
 * the package is a devDependency: an install does not fetch its 12 MB (22 fonts).
 */
const FONTS_PACKAGE = path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
const FONTS = ['ttf/DejaVuSans.ttf', 'ttf/DejaVuSans-Bold.ttf', 'LICENSE'];
mkdirSync(path.join(OUT, 'fonts'));
for (const file of FONTS) {
  read.add(path.join(FONTS_PACKAGE, file));
  cpSync(path.join(FONTS_PACKAGE, file), path.join(OUT, 'fonts', path.basename(file)));
}
const fontsBeside: Plugin = {
  name: 'fonts-beside',
  setup(b) {
    b.onLoad({ filter: /[\\/]\.build[\\/]render[\\/]svg-png\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const from = "path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')";
      if (text.split(from).length !== 2) throw new Error(`bundle: ${args.path} no longer has ${from} once; update fontsBeside`);
      for (const font of FONTS.filter((file) => file.endsWith('.ttf'))) {
        if (!text.includes(`'${path.basename(font)}'`)) throw new Error(`bundle: ${args.path} no longer names ${path.basename(font)}; update FONTS`);
      }
      text = text.replace(from, "path.join(__dirname, 'fonts')");
      return { loader: 'js', contents: text };
    });
  },
};

/** yaml's parser as a file of its own, for validate.cjs (commands.cjs holds yaml, which its writers use). */
const YAML_FILE = 'yaml.cjs';
for (const [file, entry] of [[AJV_FILE, `module.exports = { ${AJV_SPECS.map((spec) => `${JSON.stringify(spec)}: require(${JSON.stringify(spec)})`).join(', ')} };`],
  [YAML_FILE, "module.exports = require('yaml');"]] as const) {
  const own = await build({ ...SHARED, external: [], stdin: { contents: entry, resolveDir: ROOT, loader: 'js' }, absWorkingDir: ROOT, format: 'cjs', write: false, outfile: path.join(OUT, file) });
  noImport(own.outputFiles[0]!.text, file);
  writeFileSync(own.outputFiles[0]!.path, own.outputFiles[0]!.text);
}

const validate = await build({
  ...SHARED,
  // The validators' run-time helpers (ajv's equal and ucs2length, ajv-formats' format checks) join it too: required
  // from node_modules, each is found, read and compiled on every run. ajv's compiler, which schema-check.ts loads
  // only when the schemas changed since the build, is ajv.cjs (ajvCompiler), yaml's parser yaml.cjs (lazyRequires).
  external: (SHARED.external ?? []).filter((name) => name !== 'ajv' && name !== 'ajv-formats'),
  ...SCRIPT,
  outfile: path.join(OUT, 'validate.cjs'),
  plugins: [lazyChildProcess, notInValidate, inlineValidators, ownFiles, lazyRequires({ yaml: YAML_FILE }), ajvCompiler],
});
const validateFile = validate.outputFiles[0]!;
noImport(validateFile.text, 'validate.cjs');
writeScript(validateFile, 'validate.cjs');
const validateBundle = validate.metafile!;

/**
 * Every other command gets the same: ONE CommonJS file, .build/bundle/commands.cjs, compiled by bin/club with
 * its code cache (made below from a few commands run at build time). It holds all of club's modules (the
 * documents, the writers, docx, the prompts' filter), each module's top level run only when a command first
 * needs it, as their import()s did when they were ES modules. Packages: the pure-JavaScript ones any command
 * loads join it from the same ES-module code club imported before (esbuild picks a package's "import" entry
 * for an import statement):
 * string-width, @inquirer/core (filter-checkbox's prompt), csv-parse/csv-stringify, fflate, pinyin-pro,
 * transliteration, and the validators' run-time helpers (as in validate.cjs). exceljs, the prompts and chalk are
 * files of their own (OWN_FILES). A package with native code stays a package (@resvg/resvg-js); the two fonts
 * are files beside the bundle (fontsBeside). What src/ requires on use by a path esbuild leaves (yaml's parser for a file off the fast path,
 * transliteration for a search, ajv-formats' formats for `set`) is joined in too (LAZY_REQUIRES), ajv's compiler is ajv.cjs.
 */
const COMMANDS_EXTERNAL = ['@resvg/resvg-js'];
for (const name of COMMANDS_EXTERNAL) {
  if (!(name in pkg.dependencies)) throw new Error(`bundle: ${name} is not a dependency any more; update COMMANDS_EXTERNAL`);
}

const commands = await build({
  ...SHARED,
  external: COMMANDS_EXTERNAL,
  ...SCRIPT,
  outfile: path.join(OUT, 'commands.cjs'),
  plugins: [lazyChildProcess, inlineValidators, ownFiles, lazyRequires(), ajvCompiler, fontsBeside],
});
const commandsFile = commands.outputFiles[0]!;
for (const name of Object.values(OWN_FILES)) {
  if (!commandsFile.text.includes(`require(${JSON.stringify(`./${name}`)})`)) throw new Error(`bundle: commands.cjs no longer requires ${name}; update OWN_FILES`);
}
noImport(commandsFile.text, 'commands.cjs');
writeScript(commandsFile, 'commands.cjs');
const commandsBundle = commands.metafile!;

/**
 * Writes a CommonJS file for bin/club's loader (it has no import(): noImport), inside its function (WRAPPER). All ASCII:
 * bin/club reads it as latin1, straight into a one-byte string (half the memory of a two-byte one, no UTF-8 decoding).
 * esbuild escapes every letter but those in a regular expression (/ё/g, pinyin-pro's tone marks, the Russian
 * typography's words); there each UTF-16 unit is written \uXXXX, the same pattern with or without the u flag
 * (a surrogate pair written so is one code point under u). A letter after a backslash would change meaning:
 * that stops the build. Its first line names its content: bin/club's cache for it is named after that, so a
 * cache made for another build is never offered to V8 (which checks only the source's length).
 */
function writeScript(file: { path: string; text: string }, name: string): void {
  const escaped = /\\[^\x00-\x7f]/.exec(file.text);
  if (escaped) throw new Error(`bundle: ${name} has ${escaped[0]} in \`${file.text.slice(escaped.index - 40, escaped.index + 10)}\`; write it otherwise`);
  const text = file.text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const wrapped = `${WRAPPER[0]}${text}${WRAPPER[1]}`;
  // Of the wrapped text: the same code laid out as before (wrapper first) has another id, so a cache made for it is never offered.
  const id = createHash('sha256').update(wrapped).digest('hex').slice(0, 16);
  writeFileSync(file.path, `// club ${id}\n${wrapped}`);
}

// The code caches, for the Node that builds (bin/club makes one for another Node on its first run, where it can
// write). Each is made by bin/club's own loader after runs of the group's commands, so it holds what they compiled;
// the output goes nowhere. validate: a validate of the shipped data, in this process. commands.cjs has one cache per
// group of commands (bin/club's COMMAND_GROUPS): one for all would hold every group's compiled functions, and V8
// reads all of a cache it is given (a cache of the writers and the documents together took twice as long to read).
// Each group's runs are in a Node of their own, on a copy of the shipped data (the writers write there): in one
// process V8 would hand each later compile the functions the earlier groups compiled.
const { loadBundle } = createRequire(import.meta.url)(path.join(ROOT, 'bin', 'club')) as {
  loadBundle(name: string): { cli: { main(argv: string[], io: Io): Promise<number> }; writeCache(): void };
};
{
  const nowhere = { write: () => true, isTTY: false };
  const loaded = loadBundle('validate');
  await loaded.cli.main(['validate', '--data', path.join(ROOT, 'data'), '--format', 'text'], { stdout: nowhere, stderr: nowhere, env: {}, cwd: ROOT, now: () => new Date() } as unknown as Io);
  loaded.writeCache();
}
{
  const scratch = mkdtempSync(path.join(tmpdir(), 'club-build-'));
  try {
    const member = readdirSync(path.join(ROOT, 'data', 'members')).find((file) => file.endsWith('.yaml'))?.replace(/\.yaml$/, '') ?? 'club';
    const year = new Date().getFullYear();
    const divisionId = /^divisions:\n\s+- id: ([\w-]+)/m.exec(readFileSync(path.join(ROOT, 'data', 'club.yaml'), 'utf8'))?.[1];
    const division = divisionId === undefined ? [] : ['--division', divisionId];
    const groups: Record<string, string[][]> = {
      write: [
        ['set', member, 'title=Counsellor', 'languages+=fi', '--yes'],
        ['unset', member, 'title', '--yes'],
        ['appoint', 'secretary', member, '--from', `${year}-01-01`, '--dry-run'],
      ],
      // add-* and import name new records. A Latin name only: a cache holding what a Cyrillic and a Chinese name run
      // (transliteration's and pinyin-pro's tables) was 2.0 MB, not 0.9, and V8 reads all of it on every run; ~12 ms
      // more CPU for every add of a Latin name, while such a name compiled its tables' code in about the time read it.
      add: [
        ['add-member', '--name', 'Ivanov I.I.', '--country', 'FI', '--category', 'customs', '--joined', '2020-01-01', ...division, '--yes'],
        ['add-meeting', '--date', `${year}-03-10`, '--city', 'Moscow', '--kind', 'regular', ...division, '--yes'],
      ],
      documents: [['roster'], ['plan', '--year', String(year)], ['calendar']],
      query: [['list', 'members'], ['show', member], ['list', 'meetings', '--format', 'json']],
    };
    const warm = `
      const [bin, group, data, runs] = process.argv.slice(1);
      const loaded = require(bin).loadBundle('commands', group);
      const nowhere = { write: () => true, isTTY: false };
      (async () => {
        for (const argv of JSON.parse(runs)) {
          await loaded.cli.main(['--no-input', '--data', data, ...argv], { stdout: nowhere, stderr: nowhere, env: {}, cwd: data, now: () => new Date() });
        }
        loaded.writeCache();
      })();`;
    await Promise.all(Object.entries(groups).map(async ([group, runs]) => {
      const data = path.join(scratch, group, 'data');
      cpSync(path.join(ROOT, 'data'), data, { recursive: true });
      const child = spawn(process.execPath, ['-e', warm, path.join(ROOT, 'bin', 'club'), group, data, JSON.stringify(runs)], { stdio: 'inherit' });
      const [code] = (await once(child, 'exit')) as [number | null];
      if (code !== 0) throw new Error(`bundle: making the code cache of ${group} failed (exit ${code})`);
    }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Which modules each file of the bundle holds (paths from the package root), for test/e2e/start-up.test.ts:
// it names the modules a command loaded, as it could when they were loaded one by one.
const inputs = Object.fromEntries([...Object.entries(validateBundle.outputs), ...Object.entries(commandsBundle.outputs)]
  .map(([file, output]) => [file, Object.keys(output.inputs)]));
writeFileSync(path.join(BUILD, 'bundle-inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);

/**
 * What the files above load from node_modules at run time, by the calls esbuild left (require("…"), createRequire(import.meta.url)'s
 * ("…") and .resolve("…")), must be what package.json's `dependencies` name, no more
 * and no less: a package missing there fails only in an install (which has no devDependencies), and one needed by
 * none of them costs every install its download.
 */
{
  const loads = new Set<string>();
  for (const name of readdirSync(OUT).filter((file) => file.endsWith('.cjs'))) {
    const text = readFileSync(path.join(OUT, name), 'utf8');
    // Not a call quoted in a string: ajv's compiler keeps the code naming its run-time helpers for standalone code ('require("ajv/dist/runtime/equal").default').
    for (const [, spec] of text.matchAll(/(?<!['`])(?:\brequire\d*|\b__clubFileUrl\)(?:\.resolve)?)\("((?:@[\w.-]+\/)?\w[\w.-]*)(?:\/[^"]*)?"\)/g)) {
      if (!spec!.startsWith('node:') && !builtinModules.includes(spec!)) loads.add(spec!);
    }
  }
  const missing = [...loads].filter((name) => !(name in pkg.dependencies));
  if (missing.length > 0) throw new Error(`bundle: .build/bundle/ loads ${missing.join(', ')} at run time: make ${missing.length === 1 ? 'it a dependency' : 'them dependencies'} in package.json`);
  const unused = Object.keys(pkg.dependencies).filter((name) => !loads.has(name));
  if (unused.length > 0) throw new Error(`bundle: nothing in .build/bundle/ loads ${unused.join(', ')} at run time (it is joined into the files): make ${unused.length === 1 ? 'it a devDependency' : 'them devDependencies'} in package.json`);
}

writeFileSync(RECORD, `${JSON.stringify({ read: [...read].sort(), sources: sourcesHash([...read]), output: outputHash() }, null, 1)}\n`);
