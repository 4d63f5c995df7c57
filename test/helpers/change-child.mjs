// A process that applies one change to a data folder the way every club command
// does (lock, finish any interrupted change, apply all or nothing), for tests
// that kill it at a random moment or at a chosen step (CLUB_TEST_CRASH_AT, see
// src/store/crash-point.ts). Args: <data folder> <operations as JSON file>, or
// <data folder> --recover to do only what the next command does first.
// It says "go" on stdout just before it takes the lock, so the killer can aim at the change.
// Run as one CommonJS file (storeChild in crash.ts bundles it and the built store): no top-level await.
import { readFileSync } from 'node:fs';
import { withLock } from '../../.build/store/lock.js';
import { applyChange, recoverChange } from '../../.build/store/transaction.js';

const [dataDir, opsFile] = process.argv.slice(2);
const operations = opsFile === '--recover' ? [] : JSON.parse(readFileSync(opsFile, 'utf8'));
process.stdout.write('go\n');
withLock(dataDir, async () => {
  await recoverChange(dataDir);
  if (operations.length > 0) await applyChange(dataDir, operations);
}).then(() => process.stdout.write('done\n'));
