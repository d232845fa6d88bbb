/**
 * Input that cannot be used at all (empty, binary, not a disclosure...). The CLI prints the
 * message on one line and exits 2. `where` names the file and, when known, the place.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${messageZh} (${messageEn})`);
    this.name = 'InputError';
  }
}
