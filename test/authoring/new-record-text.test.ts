import { describe, expect, it } from 'vitest';
import { Document } from 'yaml';
import { newRecordText } from '../../src/authoring/change.js';
import { quoteTimes } from '../../src/authoring/yaml-times.js';

/** newRecordText as it was before it remembered its texts: yaml's Document every time. */
function made(record: Record<string, unknown>, schemaPath: string): string {
  const doc = new Document(record);
  quoteTimes(doc);
  return `# yaml-language-server: $schema=${schemaPath}\n${doc.toString({ lineWidth: 0 })}`;
}

describe('newRecordText remembers the texts it made, and gives each record its own', () => {
  const schema = '../../schemas/member.schema.json';
  const records: Record<string, unknown>[] = [
    { name: 'Crash 1.', country: 'RU', joined: '2019-02-01', languages: ['ru', 'en'] },
    // The same JSON but for the types of values: other YAML (a quoted "1", a number 1; a text "true", a boolean).
    { name: 'Crash 1.', phone: '1', active: 'true' },
    { name: 'Crash 1.', phone: 1, active: true },
    // A time is quoted (YAML 1.1 reads 10:00 as a number); a Date is not plain data and is never remembered.
    { name: 'Crash 2.', start: '10:00', joined: new Date(Date.UTC(2019, 1, 1)) },
    { name: 'Crash 2.', start: '10:00', joined: new Date(Date.UTC(2019, 1, 2)) },
    { nested: { b: [1, 'x', null], a: { c: false } }, name: 'Ünïcödé 李伟' },
  ];

  it('is what yaml\'s Document writes, the first time and again, for each record and schema path', () => {
    for (const path of [schema, '/opt/club/schemas/member.schema.json']) {
      for (const record of records) {
        const first = newRecordText(record, path);
        expect(first).toBe(made(record, path));
        expect(newRecordText(structuredClone(record), path)).toBe(first);
      }
    }
    expect(newRecordText(records[1]!, schema)).not.toBe(newRecordText(records[2]!, schema));
    expect(newRecordText(records[3]!, schema)).not.toBe(newRecordText(records[4]!, schema));
    expect(newRecordText(records[0]!, schema)).not.toBe(newRecordText(records[0]!, '/opt/club/schemas/member.schema.json'));
  });

  it('tells a list met twice (yaml writes an anchor and an alias) from two equal lists, whichever comes first', () => {
    const shared = ['en', 'ru'];
    const twice = { name: 'Alias A.', languages: shared, spoken: shared };
    const apart = { name: 'Alias A.', languages: ['en', 'ru'], spoken: ['en', 'ru'] };
    for (const order of [[twice, apart], [apart, twice], [twice, apart]]) {
      for (const record of order) expect(newRecordText(record, schema)).toBe(made(record, schema));
    }
    expect(made(twice, schema)).toContain('*a1');
    expect(made(apart, schema)).not.toContain('*a1');
  });
});
