/** Exit codes: 0 clean, 1 findings of severity error, 2 unusable input or arguments. */
export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

export const VERSION = '0.1.0';
