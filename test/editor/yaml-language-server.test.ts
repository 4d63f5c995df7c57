import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { getLanguageService } from 'yaml-language-server';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The YAML language server (the library behind the VS Code extension), reading schemas from disk as an editor would. */
function languageService(schemas: { uri: string; fileMatch: string[] }[] = []) {
  const ls = getLanguageService({
    schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).toString() },
  } as never);
  ls.configure({ validate: true, hover: true, completion: true, schemas });
  return ls;
}

const doc = (file: string, text: string) => TextDocument.create(pathToFileURL(path.join(ROOT, file)).toString(), 'yaml', 1, text);
const problems = async (ls: ReturnType<typeof languageService>, file: string, text: string) =>
  (await ls.doValidation(doc(file, text), false)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

describe('the schemas in yaml-language-server', () => {
  it('check the shipped records through their `# yaml-language-server: $schema=` line, and find nothing wrong', async () => {
    const ls = languageService();
    for (const file of ['data/club.yaml', 'data/members/konovalenko-s-a.yaml', 'data/officers/chairman-konovalenko-s-a.yaml']) {
      expect(await problems(ls, file, readFileSync(path.join(ROOT, file), 'utf8')), file).toEqual([]);
    }
  });

  it('flag a wrong field, a missing one and a bad country in a sample record, at their lines', async () => {
    const ls = languageService();
    const text = '# yaml-language-server: $schema=../../schemas/member.schema.json\nname: Li Wei\ncountry: XX\ncategory: customs\ndivision: moscow\njoinde: 2019-06-01\n';
    const found = await problems(ls, 'data/members/li-wei.yaml', text);
    expect(found).toContain('6:1 Property joinde is not allowed.');
    expect(found).toContain('2:1 Missing property "joined".');
    expect(found.some((p) => p.startsWith('3:10 Value is not accepted.'))).toBe(true);
  });

  it('use the mapping in .vscode/settings.json, and show titles and descriptions on hover', async () => {
    const settings = JSON.parse(readFileSync(path.join(ROOT, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    const ls = languageService(Object.entries(settings['yaml.schemas']).map(([schema, glob]) => ({
      uri: pathToFileURL(path.join(ROOT, schema)).toString(),
      fileMatch: [path.join(ROOT, glob)],
    })));
    const text = 'position: chairman\nmember: li-wei\nfrom: 2019\nuntil: 2020\n';
    expect(await problems(ls, 'data/officers/chairman-li-wei.yaml', text)).toEqual(['4:1 Property until is not allowed.']);
    const hover = await ls.doHover(doc('data/officers/chairman-li-wei.yaml', text), { line: 2, character: 1 });
    expect(JSON.stringify(hover?.contents)).toContain('First day of the term.');
  });
});
