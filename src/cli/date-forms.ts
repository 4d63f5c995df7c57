/**
 * The forms a date is taken in, said in one place for every date question and every date flag's help: what
 * readTypedDate (model/typed-date.ts) reads. Here, with nothing imported, so that a command's registration may
 * name them without loading the date code (`club --help` stays light).
 */
export function dateForms(partial = false): string {
  return partial ? 'YYYY-MM-DD or DD.MM.YYYY; YYYY-MM, MM.YYYY or YYYY when that is all that is known' : 'YYYY-MM-DD or DD.MM.YYYY';
}

/**
 * A date question or a date flag's help with the forms it takes after it, then any notes:
 * `First day of the term (YYYY-MM-DD or DD.MM.YYYY)`, `the day it was done (YYYY-MM-DD or DD.MM.YYYY; default: today)`.
 */
export function withDateForms(text: string, o: { partial?: boolean; notes?: readonly (string | false | undefined)[] } = {}): string {
  return `${text} (${[dateForms(o.partial), ...(o.notes ?? []).filter((n): n is string => typeof n === 'string' && n !== '')].join('; ')})`;
}
