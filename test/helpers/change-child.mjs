// A process that applies one change to a data folder the way every club command
// does (lock, finish any interrupted change, apply all or nothing), for tests
// that kill it at a random moment. Args: <data folder> <operations as JSON file>.
// It says "go" on stdout just before it takes the lock, so the killer can aim at the change.
import { readFileSync } from 'node:fs';
import { withLock } from '../../.build/store/lock.js';
import { applyChange, recoverChange } from '../../.build/store/transaction.js';

const [dataDir, opsFile] = process.argv.slice(2);
const operations = JSON.parse(readFileSync(opsFile, 'utf8'));
process.stdout.write('go\n');
await withLock(dataDir, async () => {
  await recoverChange(dataDir);
  await applyChange(dataDir, operations);
});
process.stdout.write('done\n');
