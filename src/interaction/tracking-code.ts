/**
 * The tracking code (查询编号) printed on the receipt, and the 查询码 that goes with it. The code alone is
 * not enough to see a message: the status page also asks for the 查询码, stored only as a hash.
 */
import { createHash, randomInt } from 'node:crypto';
import type { IsoDate } from '../calendar/dates.js';

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const pick = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export function newTrackingCode(receivedOn: IsoDate): string {
  return `LY${receivedOn.replace(/-/g, '')}${pick(6)}`;
}

export const newSecret = (): string => pick(6);

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret.trim().toUpperCase()).digest('hex');

export const normaliseCode = (code: string): string => code.trim().toUpperCase().replace(/\s/g, '');
