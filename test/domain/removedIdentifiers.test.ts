// The normal forms behind the fingerprints: two ways of writing the same identifier give the same keyed hash,
// and different identifiers (or the same letters as another kind) do not.
import { randomBytes } from 'node:crypto';
import { fingerprintsOf, normalForms, requesterFingerprints } from '../../src/domain/removedIdentifiers';
import { createSecretBox } from '../../src/store/secretBox';

const box = createSecretBox(randomBytes(32), randomBytes(32));
const hashes = (kind: Parameters<typeof fingerprintsOf>[1], written: string) => fingerprintsOf(box, kind, written).map((f) => f.hash);

test('an email in another case and with spaces around it has the same fingerprint', () => {
  expect(hashes('email', 'Marie.Dupont@Free.fr ')).toEqual(hashes('email', 'marie.dupont@free.fr'));
  expect(hashes('email', 'marie.dupont@free.fr')).toHaveLength(1);
  expect(hashes('email', 'marie.dupond@free.fr')).not.toEqual(hashes('email', 'marie.dupont@free.fr'));
});

test('a French phone number written nationally or in E.164 has the same fingerprint', () => {
  expect(normalForms('phone', '06 12 34 56 78')).toContain('+33612345678');
  expect(hashes('phone', '+33612345678')).toHaveLength(1);
  expect(hashes('phone', '06 12 34 56 78')).toEqual(expect.arrayContaining(hashes('phone', '+33612345678')));
  expect(hashes('phone', '06.12.34.56.78')).toEqual(hashes('phone', '06 12 34 56 78'));
  expect(hashes('phone', '06 12 34 56 79')).not.toEqual(expect.arrayContaining(hashes('phone', '+33612345678')));
  expect(normalForms('phone', '12')).toEqual([]);
});

test('identity, card and bank numbers keep only their letters and digits, upper-cased', () => {
  expect(normalForms('national_id', '1 85 05 78 006 084 36')).toEqual(['185057800608436']);
  expect(hashes('iban', 'fr76 3000 6000 0112 3456 7890 189')).toEqual(hashes('iban', 'FR7630006000011234567890189'));
  expect(hashes('credit_card', '4970-1012-3456-7890')).toEqual(hashes('credit_card', '4970101234567890'));
  expect(normalForms('national_id', 'ab cd 12 34 56 c')).toEqual(['ABCD123456C']);
});

test('names fold case, accents and spacing; usernames lose their @', () => {
  expect(hashes('name', 'Hélène  LE GALL')).toEqual(hashes('name', 'helene le gall'));
  expect(hashes('username', '@Marie_D')).toEqual(hashes('username', 'marie_d'));
  // The kind is hashed too: a name is not the username spelled the same.
  expect(hashes('username', 'marie dupont')).not.toEqual(hashes('name', 'marie dupont'));
});

test('a requester\'s identifiers give one fingerprint per distinct kind and form, never the value itself', () => {
  const kept = requesterFingerprints(box, {
    emails: ['Marie.Dupont@Free.fr', 'marie.dupont@free.fr '],
    names: ['Marie Dupont'],
    phones: ['+33612345678'],
    usernames: ['@marie_d'],
    addresses: [],
  });
  expect(kept.map((f) => f.kind).sort()).toEqual(['email', 'name', 'phone', 'username']);
  for (const f of kept) expect(f.hash).not.toMatch(/marie|dupont|612345678/i);
});
