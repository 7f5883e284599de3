/**
 * Display names (teachers and students) as the server keeps them (rule
 * NAME-1). A name is text: React renders it as text, and nothing interprets
 * it as HTML. What it must not do is steer the text around it: right-to-left
 * overrides and isolates flip the letters of the next name on the roster,
 * and control characters break lines and logs.
 */

/** C0 and C1 control characters and DEL: become one space (a typed tab or newline separates words). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;
/** Bidirectional marks, embeddings, overrides and isolates: removed. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A typed name cleaned of control and bidi characters, runs of spaces made one, trimmed (check its length afterwards). */
export function cleanDisplayName(typed: string): string {
  return typed.replace(BIDI, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * What the server sends in place of a name it hides (NAMES-2): nothing. A
 * kept name is never blank (NAME-1), so a client that sees this shows the
 * participant's alias instead.
 */
export const HIDDEN_NAME = '';

/** The case-insensitive form two names are compared in (NAMES-3: "ann" and "Ann" are one name on a projector). */
const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase('en');

/**
 * A cleaned name made unique among the names a class already has (NAMES-3):
 * the first "Ann" stays "Ann", the next one is "Ann (2)", then "Ann (3)",
 * compared without case, so the class can tell them apart.
 */
export function uniqueDisplayName(name: string, taken: Iterable<string>): string {
  const keys = new Set<string>();
  for (const other of taken) keys.add(nameKey(other));
  if (!keys.has(nameKey(name))) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!keys.has(nameKey(candidate))) return candidate;
  }
}
