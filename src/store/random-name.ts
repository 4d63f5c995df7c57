/**
 * `bytes` random bytes written as hex, for the names of a writer's own files (the lock's identity file, temporary
 * files): they need only not collide with another process's (each is created exclusively, and most hold the pid
 * too), never to be secret. Math.random, not node:crypto's randomBytes: loading node:crypto (17 modules) cost every
 * run of a writer ~2 ms of CPU, for eight random bytes.
 */
export function randomHex(bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++) out += Math.floor(Math.random() * 256).toString(16).padStart(2, '0');
  return out;
}
