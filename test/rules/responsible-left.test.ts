import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { at, check, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

/** A held meeting of 2019 whose decisions are `decisions` (YAML lines under `decisions:`). */
const meeting = (decisions: string) => `date: 2019-06-20
kind: regular
division: moscow
status: held
attendees: [ivanov-i-i, muller-k]
guests:
  - id: ambassador-fi
    name: Guest G.
decisions:
${decisions}`;

/** None of this rule's warnings (Germany, left without its representative, has its own warning). */
const expectNone = (diagnostics: Diagnostic[]) => expect(diagnostics.filter((d) => d.code === 'responsible-left')).toEqual([]);

const LEFT = member({ name: 'Müller K.', country: 'DE', joined: '2012-05-01', left: '2019-10-01' });

describe('responsible-left', () => {
  it('accepts open decisions of members still in the club, a done one of a member who left, a guest\'s, and one whose member leaves after today', async () => {
    expectNone(await check({
      'members/muller-k.yaml': LEFT,
      'meetings/2019-06-20-moscow.yaml': meeting(`  - text: Send the minutes.
    responsible: ivanov-i-i
  - text: Write to Berlin.
    responsible: muller-k
    done: 2019-09-01
  - text: Send the slides.
    responsible: ambassador-fi
  - A plain sentence.
`),
    }));
    // On 2019-09-15 Müller K. has not left yet: his open decision is his to do.
    expectNone(await check({
      'members/muller-k.yaml': LEFT,
      'meetings/2019-06-20-moscow.yaml': meeting('  - text: Write to Berlin.\n    responsible: muller-k\n'),
    }, '2019-09-15'));
  });

  it('warns at the `responsible` of an open decision whose member has left, and says how to hand it on or close it', async () => {
    const text = meeting('  - text: Send the minutes.\n    responsible: ivanov-i-i\n  - text: Write to Berlin.\n    responsible: muller-k\n    due: 2019-12-01\n');
    const d = expectOne(await check({ 'members/muller-k.yaml': LEFT, 'meetings/2019-06-20-moscow.yaml': text }),
      'responsible-left', 'meetings/2019-06-20-moscow.yaml', at(text, 'muller-k', 'Write to Berlin'));
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('decision 2 is not done, and `muller-k`, responsible for it, left the club (2019-10-01)');
    expect(d.hint).toBe('give it to another member: `club set 2019-06-20-moscow decisions[1].responsible=ID`, or record it done: `club done 2019-06-20-moscow 2`');
  });

  it('a partial date of leaving counts from its first day', async () => {
    const text = meeting('  - text: Write to Berlin.\n    responsible: muller-k\n');
    expectOne(await check({ 'members/muller-k.yaml': member({ name: 'Müller K.', country: 'DE', joined: '2012-05-01', left: '2019-10' }), 'meetings/2019-06-20-moscow.yaml': text }),
      'responsible-left', 'meetings/2019-06-20-moscow.yaml', at(text, 'muller-k', 'Write to Berlin'));
  });
});
