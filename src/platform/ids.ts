import { randomUUID } from 'node:crypto';

/** Ids are made by the app, so several app nodes never contend for a sequence. */
export const newId = (): string => randomUUID();

/** The current instant as ISO-8601 UTC text, the storage form of instants. */
export const nowIso = (): string => new Date().toISOString();
