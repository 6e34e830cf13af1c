import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskMiddle, maskName, maskPhone, personalDataCipher } from './personal-data.js';

const key = 'ab'.repeat(32);

test('personal data round-trips, and the same text never encrypts the same way twice', () => {
  const c = personalDataCipher(key);
  const a = c.encrypt('340323199001011234');
  const b = c.encrypt('340323199001011234');
  assert.notEqual(a, b);
  assert.equal(c.decrypt(a), '340323199001011234');
});

test('a tampered or foreign-key ciphertext does not decrypt', () => {
  const sealed = personalDataCipher(key).encrypt('13800000000');
  assert.throws(() => personalDataCipher('cd'.repeat(32)).decrypt(sealed));
  const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
  assert.throws(() => personalDataCipher(key).decrypt(flipped));
});

test('blind index matches equal identities regardless of case and spacing, per key', () => {
  const c = personalDataCipher(key);
  assert.equal(c.blindIndex('34032319900101123x'), c.blindIndex(' 34032319900101123X '));
  assert.notEqual(
    c.blindIndex('34032319900101123X'),
    personalDataCipher('cd'.repeat(32)).blindIndex('34032319900101123X'),
  );
});

test('masks keep only what a list needs', () => {
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskMiddle('340323199001011234'), '3403**********1234');
  assert.equal(maskPhone('138 0000 1234'), '138****1234');
});

test('no key, no personal data', () => {
  assert.throws(() => personalDataCipher(undefined), /DATA_KEY/);
});
