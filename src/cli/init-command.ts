import { schemaCountryCodes } from '../model/countries.js';
import { countryChoice } from './choices.js';
import { countryTimeZone, countryTimeZones, zoneKeywords, zonesForCity } from '../model/country-time-zones.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mkdir } from '../store/fs-async.js';
import path from 'node:path';
import { newRecordText } from '../authoring/change.js';
import { slugify } from '../model/slug.js';
import { createFileExclusive } from '../store/create-file.js';
import { findGitRoot } from '../store/data-dir.js';
import { readSchemas, SCHEMA_FILES } from '../store/schemas.js';
import { packageSchemaFiles, schemaCopyDir } from '../store/schema-copy.js';
import { checkFiles } from '../validate/check.js';
import { compileSchemas } from '../load/schema-check.js';
import { precompiledValidators } from '../store/validators.js';
import { formatText } from '../report/text.js';
import { summarize } from '../report/summary.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { canPrompt, makePrompter } from './prompter.js';
import { askDate, dateFlag } from './typed-values.js';
import { editorSettings } from './schemas-command.js';
import { resolveToday } from './today.js';

export interface InitOptions {
  input?: boolean;
  name?: string;
  founded?: string;
  country?: string;
  city?: string;
  timezone?: string;
  installFrom?: string;
}

/**
 * node_modules/ (the workflow's install), and the writers' lock: a writer killed while it held the lock leaves
 * `.club.lock` (and perhaps its `.club.lock.<pid>.<hex>` claim) until the next writer takes it over, and it holds
 * only a pid. A left journal or temporary file is not ignored: it means a change was cut short, which git status
 * should show until the next club run finishes it.
 */
const GITIGNORE = 'node_modules/\n.club.lock\n.club.lock.*\n';

/**
 * The workflow of the new repository. It installs club as package.json says (never a
 * registry package that happens to be called club: `npx --no` does not fetch) and checks
 * the records.
 */
const WORKFLOW = `# Checks every pull request that touches the club's records: problems show up
# as annotations on the changed lines. Once generated documents are committed
# (e.g. club roster -o .docs/roster.md), add a step such as:
#   npx --no club roster --check .docs/roster.md
# (no --as-of: the roster is checked as of the date it says and as of today, so
# any change of what it shows makes it stale; refresh it with club roster -o).
name: Validate club data

on:
  pull_request:
    paths: ['data/**', 'schemas/**', 'package.json', 'package-lock.json', '.github/workflows/**']
  push:
    branches: [main]
    paths: ['data/**', 'schemas/**', 'package.json', 'package-lock.json', '.github/workflows/**']

permissions:
  contents: read

jobs:
  validate:
    runs-on: ubuntu-latest
    # A hung step fails in minutes, not after GitHub's six hours.
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 24
      - name: Install club, from where package.json says
        run: npm install --no-audit --no-fund
      - name: Check the records
        run: npx --no club validate --format github
`;

/** The new repository's package.json: club, from \`from\`, is its one dependency. */
export function repositoryPackage(name: string, from: string): string {
  const slug = slugify(name) || 'club';
  return `${JSON.stringify({
    name: `${slug}-records`,
    private: true,
    description: `The records of ${name}, checked by club.`,
    scripts: { validate: 'club validate' },
    dependencies: { club: from },
    // npm 11 runs the install scripts of a dependency that is not from the registry (club's `prepare`: a build only
    // in a clone with src/) only when allowScripts names it, and otherwise warns in four lines on every `npm install`.
    ...(allowScriptsKey(from) === undefined ? {} : { allowScripts: { [allowScriptsKey(from)!]: true } }),
  }, null, 2)}\n`;
}

/**
 * The allowScripts key npm matches club's install by, for the spec it is installed from (npm's own matching, in
 * @npmcli/arborist's script-allowed.js): a folder, a tarball path or URL by the spec itself; a git repository
 * without its `#committish` (a key with one matches only a commit whose hash starts with it, never a branch or tag
 * name); a registry spec (club@1, ^1.0.0) none: npm runs no `prepare` of a registry package, and club has no other
 * install script.
 */
export function allowScriptsKey(spec: string): string | undefined {
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|gist:)/i.test(spec) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(spec)) {
    return spec.replace(/#.*$/, '');
  }
  if (/^(file:|https?:\/\/|\/|\.{1,2}[\\/]|~\/|[A-Za-z]:[\\/])/.test(spec) || /\.(tgz|tar\.gz|tar)$/i.test(spec)) return spec;
  return undefined;
}

/**
 * A relative path given with --install-from names a place from where club init runs; package.json's dependencies
 * are read from the new repository's folder, so the path is made relative to that (`file:../club-1.0.0.tgz`).
 */
export function specFromRepository(spec: string, cwd: string, root: string): string {
  const relative = /^file:(?!\/)(.*)$/.exec(spec)?.[1] ?? (/^\.{1,2}[\\/]/.test(spec) ? spec : undefined);
  if (relative === undefined) return spec;
  const target = path.relative(root, path.resolve(cwd, relative)).split(path.sep).join('/');
  return `file:${target === '' ? '.' : target}`;
}

/** Where this club runs from, as an npm spec: its own package folder. */
export function thisClub(): string {
  return `file:${fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '')}`;
}

/** `club init [dir]`: a new, valid data folder for another club, with its CI workflow and editor settings. */
export async function initCommand(dir: string | undefined, options: InitOptions, io: Io): Promise<number> {
  const root = path.resolve(io.cwd, dir ?? '.');
  const dataDir = path.join(root, 'data');
  const clubFile = path.join(dataDir, 'club.yaml');
  if (existsSync(clubFile)) throw new RefusedError(`${path.relative(io.cwd, clubFile) || clubFile} already exists; nothing was written`, 'club init makes a new data folder; edit the existing one instead');

  const o = { ...options };
  const docs = readSchemas();
  const codes = schemaCountryCodes(docs.defs);
  const required: [keyof InitOptions, string][] = [['name', '--name'], ['founded', '--founded'], ['country', '--country'], ['city', '--city']];
  const missing = required.filter(([k]) => o[k] === undefined);
  if (missing.length > 0) {
    if (!canPrompt(io, o.input)) {
      throw new UsageError(`missing ${missing.map(([, f]) => f).join(', ')}`, 'e.g. club init beijing --name "Club of Customs Diplomats" --founded 2009 --country CN --city Beijing --timezone Asia/Shanghai');
    }
    const p = await makePrompter(io);
    o.name ??= await p.text('The club\'s name', { required: true });
    // Read as every typed date is (15.01.2009, 2009-01, 2009); 2019-02-30 is refused as no real day, not for its form.
    o.founded ??= await askDate(p, 'Founded', { required: true, partial: true });
    o.country ??= await p.search('The country it works in (type to search)', codes.map(countryChoice));
    o.city ??= await p.text('The city of its first division', { required: true });
  }
  o.founded = dateFlag('--founded', o.founded, true);
  const country = o.country!.toUpperCase();
  if (!codes.includes(country)) throw new UsageError(`--country must be an ISO 3166-1 alpha-2 code such as CN, not \`${o.country}\``);
  // Never the machine's zone unasked (a server in UTC would put a Beijing club's invitations 8 hours off):
  // the country's one zone, or asked at a terminal, or --timezone is needed.
  const suggested = countryTimeZone(country);
  const zones = countryTimeZones(country);
  let timezone = o.timezone;
  if (timezone === undefined && canPrompt(io, o.input)) {
    const p = await makePrompter(io);
    // A search, as the country is (typing `моск`, `Moscow` or `Novosibirsk` finds it), with the zone of the city given
    // first, so that enter takes it (Москва → Europe/Moscow, not the alphabet's Asia/Anadyr); else the country's
    // main zone (Saint Petersburg → Europe/Moscow, Beijing → Asia/Shanghai).
    const ordered = zonesForCity(country, o.city, zones.length > 0 ? zones : Intl.supportedValuesOf('timeZone'));
    timezone = await p.search(`The time zone of its meetings (${country}), type to search`,
      ordered.map((z) => ({ name: z, value: z, keywords: zoneKeywords(z) })));
  }
  if (timezone === undefined) timezone = suggested;
  if (timezone === undefined) {
    const shown = zones.length > 8 ? `${zones.slice(0, 8).join(', ')} and ${zones.length - 8} more` : zones.join(', ');
    throw new UsageError(zones.length > 1
      ? `missing --timezone: ${country} has several time zones (${shown}); say which one the club meets by`
      : `missing --timezone: no time zone is known for ${country}`,
    `e.g. --timezone ${zones.includes('Europe/Moscow') ? 'Europe/Moscow' : zones[0] ?? 'Europe/Moscow'}`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new UsageError(`--timezone must be an IANA time zone such as Asia/Shanghai, not \`${timezone}\``);
  }
  const divisionId = slugify(o.city!) || 'main';

  const club = {
    name: o.name!.trim(),
    founded: o.founded!,
    founding_countries: [country],
    timezone,
    divisions: [{ id: divisionId, city: o.city!.trim(), since: o.founded! }],
    member_countries: [{ country, since: o.founded! }],
    positions: [{ id: 'chairman', title: 'Chairman' }, { id: 'secretary', title: 'Secretary' }],
    outlets: [],
  };
  // The repository's own copy of the schemas (written below), so the comment works in every clone.
  const schemaPath = path.relative(dataDir, path.join(schemaCopyDir(dataDir), SCHEMA_FILES.club)).split(path.sep).join('/');
  const text = newRecordText(Object.fromEntries(Object.entries(club).filter(([, v]) => !(Array.isArray(v) && v.length === 0))), schemaPath);

  // Checked before anything is written: a bad time zone or name is refused here.
  const check = checkFiles([{ file: 'data/club.yaml', collection: 'club', stem: 'club', text }],
    compileSchemas(docs, precompiledValidators(docs)), resolveToday(undefined, io.env, io.now()));
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.stderr.write(formatText(errors, summarize(errors, 1)));
    throw new RefusedError('refused: the club record would be invalid; nothing was written');
  }

  await mkdir(dataDir, { recursive: true });
  await createFileExclusive(clubFile, text, path.relative(io.cwd, clubFile));
  const written = [clubFile];
  for (const c of ['members', 'officers', 'meetings', 'publications']) {
    await mkdir(path.join(dataDir, c), { recursive: true });
    const keep = path.join(dataDir, c, '.gitkeep');
    if (!existsSync(keep)) await createFileExclusive(keep, '', keep);
  }
  const extras: [string, () => string][] = [
    ...packageSchemaFiles().map(([name, content]): [string, () => string] => [path.join(schemaCopyDir(dataDir), name), () => content]),
    [path.join(root, 'package.json'), () => repositoryPackage(club.name, o.installFrom === undefined ? thisClub() : specFromRepository(o.installFrom, io.cwd, root))],
    [path.join(root, '.gitignore'), () => GITIGNORE],
    [path.join(root, '.github', 'workflows', 'validate-data.yml'), () => WORKFLOW],
    // After the schemas: the settings name the copy once it is there.
    [path.join(root, '.vscode', 'settings.json'), () => `${JSON.stringify(editorSettings(dataDir, root), null, 2)}\n`],
  ];
  for (const [file, content] of extras) {
    if (existsSync(file)) {
      io.stderr.write(`kept ${path.relative(io.cwd, file)} (it exists)\n`);
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await createFileExclusive(file, content(), file);
    written.push(file);
  }
  const copy = schemaCopyDir(dataDir);
  const copied = written.filter((f) => path.dirname(f) === copy).length;
  for (const f of written) {
    if (path.dirname(f) !== copy) io.stderr.write(`wrote ${path.relative(io.cwd, f)}\n`);
    else if (copied > 0 && f === written.find((w) => path.dirname(w) === copy)) {
      io.stderr.write(`wrote ${path.relative(io.cwd, copy)}/ (the ${copied} schemas, which records and the editor settings name)\n`);
    }
  }
  // club finds data/ at the top of the enclosing git repository (or a nearer data/club.yaml inside it): until the
  // new folder is one, club run in its subfolders finds no data folder.
  const how = o.timezone !== undefined ? 'as given' : suggested === timezone ? `the time zone of ${country}` : 'as chosen';
  const shownRoot = path.relative(io.cwd, root) || '.';
  io.stderr.write(`timezone: ${timezone} (${how}) in ${path.relative(io.cwd, clubFile)}: meeting times and calendar invitations use it; `
    + `to change it, run${shownRoot === '.' ? '' : ` in ${shownRoot}`}: club set club timezone=ZONE\n`);
  const gitInit = findGitRoot(root) === root ? '' : `${shownRoot === '.' ? '' : `cd ${shownRoot} && `}git init, then `;
  io.stderr.write(`next: ${gitInit}add the chairman and the secretary with club add-member and club appoint, then git add and commit\n`);
  const from = o.installFrom === undefined ? thisClub() : specFromRepository(o.installFrom, io.cwd, root);
  if (o.installFrom === undefined || from.startsWith('file:..')) {
    // A path out of the new repository (this club's folder, a tarball beside it) is not in any clone of it.
    io.stderr.write(`note: package.json installs club from ${from}, which only this machine has; for CI elsewhere, set it to a spec that machine can reach (e.g. github:OWNER/club or a tarball URL), or run club init with --install-from\n`);
  }
  return 0;
}
