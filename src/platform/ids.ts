import { randomUUID } from 'node:crypto';

/** Ids are made by the app, so several app nodes never contend for a sequence. */
export const newId = (): string => randomUUID();
