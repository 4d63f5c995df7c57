import { loadClub, type LoadResult } from '../../src/load/load.js';
import { readDataFolder } from '../../src/store/read-folder.js';
import { schemas } from './load-tree.js';

/** Loads a data folder from disk the way the CLI does, for tests of the pure core on a fixture. */
export async function loadFolder(dir: string): Promise<LoadResult> {
  const folder = await readDataFolder(dir, dir);
  return loadClub(folder.files.map((f) => ({ file: f.file, collection: f.collection, stem: f.stem, text: f.text ?? '' })), schemas);
}
