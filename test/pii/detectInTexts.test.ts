// Searching many texts at once gives each text exactly what searching it alone gives.
import { DETECT_BATCH_SIZE, detectPii, detectPiiInTexts } from '../../src/pii/detect';
import type { RequesterIdentifiers } from '../../src/pii/types';

const marie: RequesterIdentifiers = {
  names: ['Marie Dupont'],
  emails: ['marie.dupont@free.fr'],
  phones: ['+33639981234'],
  usernames: ['mdupont'],
  addresses: ['12 rue du Helder, 75009 Paris'],
};
const john: RequesterIdentifiers = { names: ['John Smith'], emails: ['jsmith@example.com'], phones: ['+1 415 555 0134'], usernames: [], addresses: [] };
const nobody: RequesterIdentifiers = { names: [], emails: [], phones: [], usernames: [], addresses: [] };

const texts = [
  'Vends ma Kobo. Contact : 06 39 98 12 34 ou marie.dupont at free dot fr\nMarie',
  'Nothing personal here, just version 2.4.1 and 3 apples.',
  'Call John Smith on (415) 555-0134 or write to jsmith@example.com. Card 4539 1488 0343 6467.',
  'Je suis né le 12/03/1985, j’habite 12 rue du Helder, 75009 Paris. IBAN FR76 3000 6000 0112 3456 7890 189.',
  '',
  '@mdupont a raison, DUPONT Marie l’a dit hier. Mon IP : 192.168.1.20',
];

describe('detectPiiInTexts', () => {
  it('gives each text, whoever it is searched for, exactly what detectPii gives it alone', () => {
    const people = [marie, john, nobody];
    const batch = texts.flatMap((text) => people.map((identifiers) => ({ text, identifiers })));
    const together = detectPiiInTexts(batch);
    expect(together).toHaveLength(batch.length);
    batch.forEach(({ text, identifiers }, index) => expect(together[index]).toEqual(detectPii(text, identifiers)));
    // The comparison means something only if there are findings of both owners to compare.
    const owners = new Set(together.flat().map((span) => span.owner));
    expect(owners).toEqual(new Set(['requester', 'other']));
  });

  it('gives nothing for no texts, and keeps the order of a batch larger than the advised size', () => {
    expect(detectPiiInTexts([])).toEqual([]);
    const many = Array.from({ length: DETECT_BATCH_SIZE + 3 }, (_, index) => ({ text: texts[index % texts.length]!, identifiers: index % 2 === 0 ? marie : john }));
    const together = detectPiiInTexts(many);
    expect(together.map((spans) => spans.length)).toEqual(many.map(({ text, identifiers }) => detectPii(text, identifiers).length));
  });
});
