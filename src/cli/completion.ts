import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, Option } from 'commander';
import { chooseDataDir } from '../store/data-dir.js';
import { isValidId } from '../model/slug.js';
import { COLLECTIONS, type Collection } from '../model/types.js';
import type { Io } from './io.js';

/**
 * Record ids of a collection, from the file names alone: completion must be instant, even on a
 * broken folder. Only names that are ids: a shell would run `$(…)` or print an escape in any other.
 */
function ids(dataDir: string, collection: Collection): string[] {
  try {
    return readdirSync(path.join(dataDir, collection)).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).filter(isValidId);
  } catch {
    return [];
  }
}

/** What each command's positional arguments are, in order. */
const POSITIONAL: Record<string, (Collection | 'collections' | 'positions' | 'shells' | 'all')[]> = {
  list: ['collections'],
  show: ['all'],
  agenda: ['meetings'],
  minutes: ['meetings'],
  appoint: ['positions', 'members'],
  leave: ['members'],
  'end-term': ['officers'],
  completion: ['shells'],
};

/**
 * Candidates for the last of `words` (what has been typed after `club`, the
 * last possibly empty): commands, flags, flag values, collection names and
 * record ids. An empty answer lets the shell complete file names.
 */
export function complete(program: Command, words: readonly string[], io: Io): string[] {
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const visible = program.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  const starting = (list: Iterable<string>) => [...new Set(list)].filter((c) => c.startsWith(current)).sort();
  const flags = (cmd: Command) => [...cmd.options, ...program.options].flatMap((o: Option) => [o.long, o.short]).filter((f): f is string => Boolean(f));

  // Walk what was typed: global options (and their values) may come before the command.
  let command: Command | undefined;
  let dataFlag: string | undefined;
  let position = 0;
  let pendingValue: Option | undefined;
  for (const w of before) {
    const known = [...(command?.options ?? []), ...program.options];
    if (pendingValue) {
      if (pendingValue.long === '--data') dataFlag = w;
      pendingValue = undefined;
    } else if (w.startsWith('-')) {
      const [name, inline] = w.startsWith('--') && w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
      const o = known.find((x) => x.long === name || x.short === name);
      if (o?.long === '--data' && inline !== undefined) dataFlag = inline;
      if (o?.required && inline === undefined) pendingValue = o;
    } else if (command === undefined) {
      command = visible.find((c) => c.name() === w);
      if (command === undefined) return [];
    } else {
      position++;
    }
  }
  if (pendingValue) {
    if (pendingValue.argChoices) return starting(pendingValue.argChoices);
    if (pendingValue.long === '--division') return starting(clubList(io, 'divisions', chooseDataDir(dataFlag, io.env, io.cwd).dir));
    return [];
  }
  if (!command) return current.startsWith('-') ? starting(flags(program)) : starting(visible.map((c) => c.name()));
  if (current.startsWith('-')) return starting(flags(command));

  const dataDir = chooseDataDir(dataFlag, io.env, io.cwd).dir;
  const kind = POSITIONAL[command.name()]?.[position];
  switch (kind) {
    case undefined:
      return [];
    case 'collections':
      return starting(COLLECTIONS);
    case 'shells':
      return starting(['bash', 'zsh', 'fish']);
    case 'positions':
      return starting(clubList(io, 'positions', dataDir));
    case 'all':
      return starting(COLLECTIONS.flatMap((c) => ids(dataDir, c)));
    default:
      return starting(ids(dataDir, kind));
  }
}

/** Ids from a list in club.yaml, read with a regular expression: no YAML parser for a keystroke. */
function clubList(io: Io, list: 'divisions' | 'positions', dataDir = chooseDataDir(undefined, io.env, io.cwd).dir): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, 'club.yaml'), 'utf8');
  } catch {
    return [];
  }
  const start = text.search(new RegExp(`^${list}:`, 'm'));
  if (start < 0) return [];
  const section = text.slice(start).split(/\n(?=\S)/)[0]!;
  return [...section.matchAll(/^\s+- id: *([a-z0-9-]+)/gm)].map((m) => m[1]!);
}

/** `it's` → `'it'\''s'`: one word for sh, bash and zsh, whatever it holds. */
const shQuote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
/** fish: inside single quotes only \\ and \' are special. */
const fishQuote = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * This package's bin/club. Found from this file's place, one folder below src/ (or .build/, or
 * .build/bundle/ where the built CLI runs from: the same depth, so the same path).
 */
export const CLUB_BIN = fileURLToPath(new URL('../../bin/club', import.meta.url));

/**
 * The completion script for `shell`. It asks for candidates by running `invoke` (the Node and
 * the bin/club it was generated from, as absolute paths), so it works whether or not `club`
 * is on PATH — after `npx club completion bash` in a data repository, too.
 */
export function completionScript(shell: 'bash' | 'zsh' | 'fish', invoke: readonly string[]): string {
  const sh = invoke.map(shQuote).join(' ');
  switch (shell) {
    case 'bash':
      return `# club completion for bash: eval "$(club completion bash)" in ~/.bashrc
# Calls the club it was made from; make it again when club moves.
_club_complete() {
  local IFS=$'\\n'
  COMPREPLY=( $(${sh} __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
}
complete -o default -F _club_complete club
`;
    case 'zsh':
      return `#compdef club
# club completion for zsh: eval "$(club completion zsh)" in ~/.zshrc (after compinit)
# Calls the club it was made from; make it again when club moves.
_club_complete() {
  local -a candidates
  candidates=("\${(@f)$(${sh} __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if (( \${#candidates[@]} )) && [[ -n "\${candidates[1]}" ]]; then
    compadd -- "\${candidates[@]}"
  else
    _files
  fi
}
compdef _club_complete club
`;
    case 'fish':
      return `# club completion for fish: club completion fish > ~/.config/fish/completions/club.fish
# Calls the club it was made from; make it again when club moves.
function __club_complete
    ${invoke.map(fishQuote).join(' ')} __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null
end
complete -c club -f -a '(__club_complete)'
`;
  }
}
