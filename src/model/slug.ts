/**
 * A record id from a name in Latin script: `Konovalenko S.A.` → `konovalenko-s-a`.
 * Accents are dropped (`Müller` → `muller`); anything else not a letter or digit separates words.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Names Windows keeps for devices: a file called con.yaml cannot be checked out there.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id) && id.length <= 80 && !RESERVED.test(id);
}
