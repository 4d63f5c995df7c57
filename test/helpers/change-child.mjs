// A process that applies one change to a data folder the way every club command
// does (lock, finish any interrupted change, apply all or nothing), for tests
// that kill it at a random moment or at a chosen step (CLUB_TEST_CRASH_AT, see
// src/store/crash-point.ts). Args: <data folder> <operations as JSON file>, or
// <data folder> --recover to do only what the next command does first.
// It says "go" on stdout just before it takes the lock, so the killer can aim at the change.
// Run as one CommonJS file (storeChild in crash.ts bundles it and the built store): no top-level await. It writes
// with writeSync, as the crash-point hook does: process.stdout, a stream, cost each run ~2-4 ms of CPU.
import { readFileSync, writeSync } from 'node:fs';
import { withLock } from '../../.build/store/lock.js';
import { applyChange, recoverChange } from '../../.build/store/transaction.js';

const [dataDir, opsFile] = process.argv.slice(2);
const operations = opsFile === '--recover' ? [] : JSON.parse(readFileSync(opsFile, 'utf8'));
writeSync(1, 'go\n');
withLock(dataDir, async () => {
  await recoverChange(dataDir);
  if (operations.length > 0) await applyChange(dataDir, operations);
}).then(() => writeSync(1, 'done\n'));
