/** Control-flow failures, each with the exit code it ends the process with. */
export class ClubError extends Error {
  constructor(message: string, readonly exitCode: number, readonly hint?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad flag or argument: exit 2. */
export class UsageError extends ClubError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** The data is invalid or a record was refused: exit 1. */
export class RefusedError extends ClubError {
  constructor(message: string, hint?: string) {
    super(message, 1, hint);
  }
}

/** A file or folder could not be read or written: exit 3. */
export class IoError extends ClubError {
  constructor(message: string, hint?: string) {
    super(message, 3, hint);
  }
}

/** The user stopped a prompt (Ctrl-C): exit 130, nothing written. */
export class CancelledError extends ClubError {
  constructor() {
    super('cancelled; nothing was written', 130);
  }
}

export const EXIT = { ok: 0, invalid: 1, usage: 2, io: 3, internal: 4, cancelled: 130 } as const;
