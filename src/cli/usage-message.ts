import { didYouMean } from '../diagnostics/suggest.js';
import { article } from '../model/article.js';

/**
 * Commander's own error text ("error: unknown option '--frmat'\n(Did you mean --format?)") in
 * club's words: `club: ` first like every other usage error, then a one-line hint that says
 * what to type next — commander's suggestion when it has one, else the command's usage — and
 * where the full help is. Pure: the caller writes the result to stderr.
 */
export function usageMessage(raw: string, command: { path: string; usage: string; dateOptions?: readonly { long: string; description: string }[] }): string {
  const lines = raw.trimEnd().split('\n');
  let message = (lines[0] ?? '').replace(/^error: /, '');
  const help = `\`${command.path} --help\``;
  const suggested = lines.slice(1).join(' ').match(/^\(Did you mean (one of )?(.*)\?\)$/);
  // `club list memebrs`, `--format mdd`: commander names the allowed choices but not the one meant.
  const choice = message.match(/^(?:command-argument value|option '(?:-\w, )?(--[\w-]+).*' argument) '(.*)' is invalid(?: for argument '(.*)')?\. Allowed choices are (.*)\.$/);
  const meant = choice ? didYouMean(choice[2]!, choice[4]!.split(', ')) : undefined;
  // Commander's "command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are …" in club's words.
  if (choice) message = choiceMessage(choice[2]!, choice[4]!.split(', '), choice[1], choice[3], command.path);
  // "option '-w, --where <condition>' argument missing": the option, then what it needs.
  const missing = message.match(/^option '(?:-\w, )?(--[\w-]+) <([\w-]+)>' argument missing$/);
  if (missing) message = `${missing[1]} needs a value (${missing[2]})`;
  // `club end-term --on`, `club leave --to`: a date option of another command; name the one this command takes.
  const dateFlag = message.match(/^unknown option '(--(?:on|to|from|until|since|at|date|day))'$/);
  const dates = command.dateOptions ?? [];
  let hint: string;
  if (dateFlag && dates.length > 0 && !suggested) {
    hint = `\`${command.path}\` takes the date as ${dates.map((o) => `${o.long} <date> (${o.description.replace(/ \(YYYY-MM-DD[^)]*\)$/, '')})`).join(' or ')}, e.g. ${dates[0]!.long} YYYY-MM-DD (${help} shows examples)`;
  } else if (meant !== undefined) {
    hint = `${meant} (${help} lists them all)`;
  } else if (suggested) {
    const [, oneOf = '', names = ''] = suggested;
    // `club lst`: the suggestion is a command, so it is shown as the command to type.
    const shown = message.startsWith('unknown command ')
      ? names.split(', ').map((name) => `\`${command.path} ${name}\``).join(', ')
      : names;
    hint = `did you mean ${oneOf}${shown}? (${help} lists them all)`;
  } else if (/^(missing required argument|too many arguments)/.test(message)) {
    hint = `usage: ${command.path} ${command.usage} (${help} shows examples)`;
  } else {
    hint = `see ${help}`;
  }
  return `club: ${message}\n  hint: ${hint}\n`;
}

/** "a, b or c". */
function oneOf(choices: readonly string[]): string {
  return choices.length < 2 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}

/** A value outside an option's or an argument's choices: `tcsh` is not a shell: choose bash, zsh or fish. */
function choiceMessage(value: string, choices: readonly string[], option: string | undefined, argument: string | undefined, path: string): string {
  if (option !== undefined) return `${option} takes ${oneOf(choices)}, not \`${value}\``;
  // `club import officers`: one choice is not a choice; say what the command takes.
  if (choices.length === 1) return `${path} takes only ${choices[0]}, not \`${value}\``;
  return `\`${value}\` is not ${article(argument ?? 'value')} ${argument ?? 'value'} club knows: choose ${oneOf(choices)}`;
}
