export declare const ROOT: string;
export declare const BENCH_ENV: Record<string, string>;
export type OptionKind = { kind: 'number'; default: number; example: string } | { kind: 'sizes'; default: number[]; example: string } | { kind: 'flag' };
export declare function parseOptions(argv: string[], table: Record<string, OptionKind>): { values: Record<string, number | number[] | boolean>; error?: undefined } | { error: string; values?: undefined };
export declare function options(table: Record<string, OptionKind>): Record<string, number | number[] | boolean>;
export declare function requireBuilt(): void;
export declare const fmt: (n: number, digits?: number) => string;
export declare const median: (xs: number[]) => number;
