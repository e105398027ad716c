// Names and titles are shown in lists, headers, emails, logs and CSV exports, so they must be
// plain text: no control characters (NUL included), no lone UTF-16 surrogates (they break JSON
// and BSON round trips) and no bidirectional overrides (U+202A–U+202E, U+2066–U+2069), which can
// make "invoice.exe" read as "exe.eciovni" and so disguise one name as another. Pure, shared by
// the forms and the server.
import { z } from "zod";

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** What is wrong with `value` as plain text for `label` (e.g. "Name"), or null. Line breaks and tabs pass when `multiline`. */
export function plainTextProblem(value: string, label: string, multiline = false): string | null {
  const control = (multiline ? CONTROL_EXCEPT_LINES : CONTROL).exec(value);
  if (control) return `${label} contains a control character (${codePoint(control[0])}); remove it.`;
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return `${label} contains a broken character (a lone ${codePoint(lone[0])}); retype it.`;
  const bidi = BIDI_OVERRIDE.exec(value);
  if (bidi) return `${label} contains an invisible text-direction character (${codePoint(bidi[0])}); remove it.`;
  return null;
}

/** Refines a string schema so it refuses anything but plain text, with a message naming `label`. */
export function plainText<T extends z.ZodType<string, unknown>>(schema: T, label: string, multiline = false) {
  return schema.superRefine((value, ctx) => {
    const problem = plainTextProblem(value, label, multiline);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}
