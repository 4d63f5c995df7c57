// npm run bench: times `club` against peers measured in the same run, on this
// machine, and prints the figures as a Markdown table (paste it into README).
//
//   node test/bench/run.mjs [--sizes 1000,10000,100000] [--runs 5]
//
// - validate on synthetic folders of 1,000 / 10,000 / 100,000 members (with
//   officers, meetings and publications in proportion) against ajv-cli checking
//   the same files against the same schemas, collection by collection;
// - the floor, measured in the same run: read every file, parse it with js-yaml,
//   run the precompiled validators (test/bench/floor.mjs); club's ratio to it;
// - start-up: club --version, club validate and club roster on the shipped
//   data, against `node -e 0`;
// - peak memory (maximum resident set) of each, and time per 1,000 records.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { generate } from './generate.mjs';
import { BENCH_ENV, fmt, median, options, requireBuilt, ROOT } from './options.mjs';

const DATA = path.join(ROOT, 'test/bench/.data');
const { sizes: SIZES, runs: RUNS } = options({
  sizes: { kind: 'sizes', default: [1000, 10000, 100000], example: '1000,10000' },
  runs: { kind: 'number', default: 5, example: '5' },
});
requireBuilt();

// Each command runs inside this wrapper, which reports the peak memory of that very process.
const WRAP = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));`;

/** Runs `node <script> ...args` `runs` times; returns the median wall time (ms) and the largest peak RSS (MiB). */
function measure(script, scriptArgs, runs, cwd = ROOT) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(WRAP)}`, script, ...scriptArgs],
      { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...BENCH_ENV } });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const m = /MAXRSS (\d+)/.exec(r.stderr ?? '');
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
    if (r.error) throw r.error;
  }
  return { ms: median(times), rss };
}

const CLUB = path.join(ROOT, 'bin/club');
const FLOOR = path.join(ROOT, 'test/bench/floor.mjs');
const AJV = path.join(ROOT, 'node_modules/ajv-cli/dist/index.js');
const SCHEMA = { members: 'member', officers: 'officer', meetings: 'meeting', publications: 'publication' };

/** ajv-cli on every collection of a folder plus club.yaml: the time of the runs added up, the largest peak memory. */
function ajvCli(dir, runs) {
  let ms = 0;
  let rss = 0;
  const jobs = [['club', path.join(dir, 'club.yaml')], ...Object.entries(SCHEMA).map(([c, kind]) => [kind, `${dir}/${c}/*.yaml`])];
  for (const [kind, data] of jobs) {
    const r = measure(AJV, ['validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', `schemas/${kind}.schema.json`, '-r', 'schemas/defs.schema.json', '-d', data, '--errors=no'], runs);
    ms += r.ms;
    rss = Math.max(rss, r.rss);
  }
  return { ms, rss };
}

const rows = [];
console.error(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

const node = measure('-e', ['0'], RUNS * 2);
const startup = [
  ['`club --version`', [CLUB, ['--version']]],
  ['`club validate` (shipped data)', [CLUB, ['validate']]],
  ['`club roster` (shipped data)', [CLUB, ['roster']]],
];
rows.push(['`node -e 0`', '', `${fmt(node.ms)} ms`, '', '1.0×', `${fmt(node.rss)} MiB`]);
let baseline = 0;
const GOAL = { '`club --version`': ' (goal ≤ 1.3×)', '`club validate` (shipped data)': ' (goal ≤ 1.8×)' };
for (const [label, [script, a]] of startup) {
  const r = measure(script, a, RUNS * 2);
  if (label.startsWith('`club validate`')) baseline = r.ms;
  rows.push([label, '', `${fmt(r.ms)} ms`, '', `${fmt(r.ms / node.ms, 2)}× node${GOAL[label] ?? ''}`, `${fmt(r.rss)} MiB`]);
}
const shippedFloor = measure(FLOOR, [path.join(ROOT, 'data')], RUNS * 2);
rows.push(['floor on the shipped data', '', `${fmt(shippedFloor.ms)} ms`, '', `${fmt(shippedFloor.ms / node.ms, 2)}× node`, `${fmt(shippedFloor.rss)} MiB`]);
// Time per 1,000 records beyond what validating the shipped data takes (start-up): flat or falling means linear.
const perThousand = (ms, records) => `${fmt(Math.max(0, ms - baseline) / (records / 1000), 1)} ms`;

for (const size of SIZES) {
  const dir = path.join(DATA, String(size));
  if (!existsSync(path.join(dir, 'club.yaml')) || readdirSync(path.join(dir, 'members')).length !== size) {
    console.error(`generating ${fmt(size)} members in ${path.relative(ROOT, dir)} …`);
    generate(size, dir);
  }
  const records = ['members', 'officers', 'meetings', 'publications'].reduce((n, c) => n + readdirSync(path.join(dir, c)).length, 1);
  const runs = size >= 100_000 ? 1 : RUNS;
  const club = measure(CLUB, ['validate', '--data', dir, '--format', 'json'], runs);
  const floor = measure(FLOOR, [dir], runs);
  const ajv = ajvCli(dir, runs);
  rows.push([`\`club validate\`, ${fmt(size)} members`, fmt(records), `${fmt(club.ms)} ms`, perThousand(club.ms, records),
    `**${fmt(club.ms / floor.ms, 2)}× floor** (goal ≤ 1.5×), ${fmt(club.ms / ajv.ms, 2)}× ajv-cli`, `${fmt(club.rss)} MiB${size >= 100_000 ? ' (goal ≤ 250)' : ''}`]);
  rows.push([`floor: read + js-yaml + precompiled validators, ${fmt(size)} members`, fmt(records), `${fmt(floor.ms)} ms`, '', '1.0×', `${fmt(floor.rss)} MiB`]);
  rows.push([`ajv-cli, same files, collection by collection, ${fmt(size)} members`, fmt(records), `${fmt(ajv.ms)} ms`, '', `${fmt(ajv.ms / floor.ms, 2)}× floor`, `${fmt(ajv.rss)} MiB`]);
}

console.log(`| what | records | time (median of ${RUNS}; 1 run at 100,000) | per 1,000 records beyond start-up | ratio | peak memory |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
