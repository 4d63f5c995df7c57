// A writer for the lock stress test: takes the data folder's real lock (the built
// store/lock.js) `rounds` times and, holding it, appends `enter <name>`, waits a
// moment, appends `leave <name>` to the log. Two holders at once would interleave.
// Args: <data folder> <log file> <name> <rounds>.
// Run as one CommonJS file (storeChild in crash.ts bundles it and the built store): no top-level await.
import { appendFileSync } from 'node:fs';
import { withLock } from '../../.build/store/lock.js';

const [dataDir, log, name, rounds] = process.argv.slice(2);
(async () => {
  for (let i = 0; i < Number(rounds); i++) {
    await withLock(dataDir, async () => {
      appendFileSync(log, `enter ${name}\n`);
      await new Promise((r) => setTimeout(r, 1 + Math.random() * 10));
      appendFileSync(log, `leave ${name}\n`);
    }, 600_000);
  }
})();
