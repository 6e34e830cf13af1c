/**
 * The one reading of a submitted form value as text, for route handlers and use cases alike (a use case receives
 * the form body as `Record<string, unknown>`). Absent, an array or an object reads as ''.
 */
import { z } from 'zod';

/** A string value, trimmed; anything else ''. */
export const formText = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** As formText, but a number (a JSON body's score or year) reads as its decimal text, untrimmed. */
export const formTextOrNumber = (v: unknown): string => (typeof v === 'number' ? String(v) : formText(v));

/** formText as a zod schema, for use cases that validate a body with zod: `z.object({ title: formTextSchema })`. */
export const formTextSchema = z.unknown().transform(formText);
