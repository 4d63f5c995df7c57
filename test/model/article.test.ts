import { describe, expect, it } from 'vitest';
import { article } from '../../src/model/article.js';

describe('article', () => {
  it('an before a vowel sound, a before a consonant sound', () => {
    expect(['embassy', 'officer', 'agenda', 'id', 'umbrella'].map((w) => `${article(w)} ${w}`))
      .toEqual(['an embassy', 'an officer', 'an agenda', 'an id', 'an umbrella']);
    expect(['customs', 'member', 'meeting', 'publication', 'unique id', 'user', 'club', 'shell'].map((w) => `${article(w)} ${w}`))
      .toEqual(['a customs', 'a member', 'a meeting', 'a publication', 'a unique id', 'a user', 'a club', 'a shell']);
  });
});
