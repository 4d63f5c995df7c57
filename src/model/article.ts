/** `a` or `an` before `word` as it is spoken: an `embassy` member, an officer, a `customs` member, a unique id. */
export function article(word: string): 'a' | 'an' {
  return /^(?:[aeio]|u(?!ni|s[aeiou]))/i.test(word) ? 'an' : 'a';
}
