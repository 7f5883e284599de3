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
