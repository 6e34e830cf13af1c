/**
 * Personal data (ID numbers, phones, addresses) at rest: AES-256-GCM with the configured DATA_KEY, a keyed
 * hash (blind index) to match the same person without decrypting, and masking for lists and public pages.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from './errors.js';

interface PersonalDataCipher {
  encrypt: (plain: string) => string;
  decrypt: (sealed: string) => string;
  /** Stable keyed hash of a normalised value: equal inputs, equal outputs; useless without the key. */
  blindIndex: (value: string) => string;
}

export function personalDataCipher(hexKey: string | undefined): PersonalDataCipher {
  if (!hexKey) throw new DomainError('config.data_key_missing', '未配置个人信息加密密钥（DATA_KEY）。');
  const master = Buffer.from(hexKey, 'hex');
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gongkai personal data v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gongkai blind index v1', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1.')) throw new Error('unknown personal-data format');
      const raw = Buffer.from(sealed.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return createHmac('sha256', macKey).update(value.trim().toUpperCase()).digest('hex');
    },
  };
}

/** 张三 → 张*；欧阳娜娜 → 欧***. */
export const maskName = (name: string) =>
  name.length <= 1 ? name : `${[...name][0]}${'*'.repeat([...name].length - 1)}`;

/** Keeps the first `head` and last `tail` characters. 340323199001011234 → 3403**********1234. */
export function maskMiddle(value: string, head = 4, tail = 4): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

export const maskPhone = (phone: string) => maskMiddle(phone.replace(/\s/g, ''), 3, 4);
