// The goals' ratios measured so that the machine's drift hits both sides alike: each round runs
// every command once, in turn, and the medians (and the median of each round's own ratio) are
// printed. `npm run bench` runs each command its N times in a row, so on a shared or throttled
// machine its floor and its club can land in different minutes; use this for the close calls.
//
//   node test/bench/interleaved.mjs [--runs 20] [--sizes 100000] [--size-runs 5] [--no-extra-ca] [--other DIR] [--commands]
//
// --commands: besides validate, a writing command (`set … --dry-run`, `add-member … --dry-run`: they write
// nothing), `list members` and `roster` on the shipped data (and the --other clone's, in the same rounds).
// --other DIR: another built clone of club (e.g. an older commit, built in DIR): its --version and validate
// on the same shipped data, and its validate on each --sizes folder, join each round, so old and new are
// compared in the same minutes.
//
// - start-up on the shipped data: `node -e 0`, `club --version`, the floor, `club validate`;
// - for each size (folders made by `npm run bench`, test/bench/.data/<size>): club validate and
//   the floor, paired in each round.
// --no-extra-ca runs the children without NODE_EXTRA_CA_CERTS: where it is set (these build
// machines), every Node process first loads that certificate file, ~90 ms, which `node -e 0`
// pays too and which makes every ratio to it smaller than on a machine without it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_ENV, fmt, median, options, requireBuilt, ROOT } from './options.mjs';

const { runs: RUNS, sizes: SIZES, 'size-runs': SIZE_RUNS, 'no-extra-ca': noExtraCa, other: OTHER, commands: COMMANDS } = options({
  runs: { kind: 'number', default: 20, example: '20' },
  sizes: { kind: 'sizes', default: [], example: '100000' },
  'size-runs': { kind: 'number', default: 5, example: '5' },
  'no-extra-ca': { kind: 'flag' },
  other: { kind: 'text', default: undefined, example: '/tmp/club-old' },
  commands: { kind: 'flag' },
});
const env = { ...process.env, ...BENCH_ENV };
if (noExtraCa) delete env.NODE_EXTRA_CA_CERTS;
requireBuilt();

const CLUB = path.join(ROOT, 'bin/club');
const FLOOR = path.join(ROOT, 'test/bench/floor.mjs');

/** Wall time (ms) of one `node ...args`; a failed run stops the bench, so a broken club is never timed. */
function time(label, nodeArgs) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, nodeArgs, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // validate exits 1 on a folder with findings; the bench's folders and the shipped data have none.
  if (r.error || r.status !== 0) {
    console.error(`${label} failed (exit ${r.status}): ${r.error?.message ?? r.stderr}`);
    process.exit(1);
  }
  return ms;
}

/** Runs each command once per round for `rounds` rounds; the list of times of each. */
function rounds(commands, n) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < n; i++) for (const [label, a] of Object.entries(commands)) times[label].push(time(label, a));
  return times;
}


console.log(`Node ${process.version}; NODE_EXTRA_CA_CERTS ${env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'} in the children; ${RUNS} rounds`);
console.log('| command | median | ratio | goal |');
console.log('| --- | --- | --- | --- |');
const data = path.join(ROOT, 'data');
const other = OTHER === undefined ? {} : {
  [`club --version (${OTHER})`]: [path.join(path.resolve(OTHER), 'bin/club'), '--version'],
  [`club validate, shipped data (${OTHER})`]: [path.join(path.resolve(OTHER), 'bin/club'), 'validate', '--data', data],
};
const member = readdirSync(path.join(data, 'members')).find((file) => file.endsWith('.yaml')).replace(/\.yaml$/, '');
const division = /^divisions:\n\s+- id: ([\w-]+)/m.exec(readFileSync(path.join(data, 'club.yaml'), 'utf8'))?.[1];
const COMMAND_ARGS = {
  [`set ${member} title=… --dry-run`]: ['set', member, 'title=Counsellor', '--dry-run'],
  'add-member … --dry-run': ['add-member', '--name', 'Li Wei', '--name-native', '李伟', '--country', 'CN', '--category', 'customs',
    '--joined', '2020-01-01', ...(division === undefined ? [] : ['--division', division]), '--dry-run'],
  'list members': ['list', 'members'],
  roster: ['roster'],
};
const commands = !COMMANDS ? {} : Object.fromEntries(Object.entries(COMMAND_ARGS).flatMap(([label, args]) => [
  [`club ${label}`, [CLUB, '--data', data, ...args]],
  ...(OTHER === undefined ? [] : [[`club ${label} (${OTHER})`, [path.join(path.resolve(OTHER), 'bin/club'), '--data', data, ...args]]]),
]));
const start = rounds({
  'node -e 0': ['-e', '0'],
  'club --version': [CLUB, '--version'],
  'floor, shipped data': [FLOOR, data],
  'club validate, shipped data': [CLUB, 'validate', '--data', data],
  ...other,
  ...commands,
}, RUNS);
const node = median(start['node -e 0']);
const GOAL = { 'club --version': '≤ 1.3×', 'club validate, shipped data': '≤ 1.8×' };
for (const [label, ms] of Object.entries(start)) {
  // Also the median of each round's own ratio: the two runs of a round are seconds apart, the rounds minutes.
  const paired = median(ms.map((t, i) => t / start['node -e 0'][i]));
  console.log(`| \`${label}\` | ${fmt(median(ms))} ms | ${fmt(median(ms) / node, 2)}× node (paired ${fmt(paired, 2)}×) | ${GOAL[label] ?? ''} |`);
}

for (const size of SIZES) {
  const dir = path.join(ROOT, 'test/bench/.data', String(size));
  if (!existsSync(path.join(dir, 'club.yaml'))) {
    console.error(`no folder of ${size} members: run npm run bench once (it generates test/bench/.data/${size})`);
    process.exit(1);
  }
  const t = rounds({
    club: [CLUB, 'validate', '--data', dir, '--format', 'json'],
    floor: [FLOOR, dir],
    // --other: the other clone on the same folder in the same rounds, against the same floor.
    ...(OTHER === undefined ? {} : { other: [path.join(path.resolve(OTHER), 'bin/club'), 'validate', '--data', dir, '--format', 'json'] }),
  }, SIZE_RUNS);
  for (const [label, times] of [['club validate', t.club], ...(t.other ? [[`club validate (${OTHER})`, t.other]] : [])]) {
    const paired = times.map((ms, i) => ms / t.floor[i]);
    console.log(`| \`${label}\`, ${fmt(size)} members | ${fmt(median(times))} ms (floor ${fmt(median(t.floor))} ms) | ` +
      `${fmt(median(times) / median(t.floor), 2)}× floor (median of ${SIZE_RUNS} paired rounds: ${fmt(median(paired), 2)}×) | ≤ 1.5× |`);
  }
}
