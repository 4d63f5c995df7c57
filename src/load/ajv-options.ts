import type { Options } from 'ajv';

/** One set of options for the validators compiled at build time and at run time, so both report alike. */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };

export const FORMATS = ['date', 'email', 'uri'] as const;
