import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from './helpers/check.js';
import { member } from './helpers/club-tree.js';

// A comment holding `{` sends a file down the precise parser; without one, these files take the fast path.
// Every case is checked both ways: the two paths must agree on what is refused, and where.
const PATHS = [['fast', ''], ['precise', '# { precise\n']] as const;
const FILE = 'members/ivanov-i-i.yaml';
const PUBLICATION = 'publications/customs-2019-04.yaml';
const publication = (issue: string) => `title: Attachés meet\noutlet: customs\ndate: 2019-04\nissue: ${issue}\n`;

describe.each(PATHS)('values the YAML reads (%s path)', (_name, extra) => {
  describe('a year is four plain digits', () => {
    it('accepts `joined: 2014`, and `since: 2008` in club.yaml', async () => {
      expectClean(await check({ [FILE]: `${extra}${member({ name: 'Ivanov I.I.', joined: '2014' })}` }));
    });
    for (const written of ['1e3', '0x7E3', '2019.0', '+2019', '0o3743']) {
      it(`refuses \`joined: ${written}\`, which YAML reads as a number in the years' range`, async () => {
        const text = `${extra}${member({ name: 'Ivanov I.I.', joined: written })}`;
        const d = expectOne(await check({ [FILE]: text }), 'invalid-format', FILE, at(text, written, 'joined:'));
        expect(d.message).toBe(`\`joined\` must be a year written as four digits, not \`${written}\``);
        expect(d.path).toBe('joined');
      });
    }
  });

  describe('integers beyond 2^53 are refused, not rounded', () => {
    it('accepts 2^53 - 1', async () => {
      expectClean(await check({ [PUBLICATION]: `${extra}${publication('9007199254740991')}` }));
    });
    for (const written of ['123456789012345678901234567890', '9007199254740993', '-9007199254740993', '0x1FFFFFFFFFFFFF1']) {
      it(`refuses \`issue: ${written}\``, async () => {
        const text = `${extra}${publication(written)}`;
        const d = expectOne(await check({ [PUBLICATION]: text }), 'number-too-large', PUBLICATION, at(text, written, 'issue:'));
        expect(d.message).toContain(written);
        expect(d.severity).toBe('error');
      });
    }
  });

  describe('text of only spaces is refused', () => {
    it('accepts a name with a no-break space inside', async () => {
      expectClean(await check({ [FILE]: `${extra}${member({ name: '"Ivanov\u00a0I.I."' })}` }));
    });
    for (const [what, spaces] of [['no-break spaces', '\u00a0\u00a0'], ['an ideographic space', '\u3000'], ['a narrow no-break space and a zero-width one', '\u202f\u200b'], ['ASCII spaces', '   ']]) {
      it(`refuses a name of ${what}`, async () => {
        const text = `${extra}${member({ name: `"${spaces}"` })}`;
        const d = expectOne(await check({ [FILE]: text }), 'empty-value', FILE, at(text, '"', 'name:'));
        expect(d.message).toBe('`name` holds only spaces');
      });
    }
  });

  describe('an unknown tag is an error', () => {
    it('accepts the core tags', async () => {
      expectClean(await check({ [FILE]: `${extra}${member({ name: 'Ivanov I.I.' })}notes: !!str 123\n` }));
    });
    for (const tag of ['!!js/function', '!!python/object/apply:os.system', '!foo', '!<tag:example.com,2000:x>']) {
      it(`refuses ${tag}`, async () => {
        const text = `${extra}${member({ name: 'Ivanov I.I.' })}notes: ${tag} "x"\n`;
        const d = expectOne(await check({ [FILE]: text }), 'unknown-tag', FILE, at(text, tag));
        expect(d.severity).toBe('error');
      });
    }
    it('refuses one on a list', async () => {
      const text = `${extra}${member({ name: 'Ivanov I.I.' })}languages: !!python/object/apply:os.system [ls]\n`;
      expectOne(await check({ [FILE]: text }), 'unknown-tag', FILE, at(text, '!!python'));
    });
  });
});
