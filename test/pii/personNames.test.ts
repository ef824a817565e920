// Other people's names are found in English and French posts — with a given name, a title, an initial, in a
// signature or a greeting — while sentence starts, brands, places, book titles and authors are left alone.
import { detectPii } from '../../src/pii/detect';
import type { RequesterIdentifiers } from '../../src/pii/types';

const nobody: RequesterIdentifiers = { names: [], emails: [], phones: [], usernames: [], addresses: [] };

function names(text: string): string[] {
  return detectPii(text, nobody)
    .filter((s) => s.type === 'person')
    .map((s) => {
      expect(s.owner).toBe('other');
      return text.slice(s.start, s.end);
    });
}

describe("someone else's name", () => {
  it.each([
    ['My neighbour Alessandro Esposito gave me his old Kobo.', 'Alessandro Esposito'],
    ["Mon collègue Julien Le Gall m'a donné sa liseuse.", 'Julien Le Gall'],
    ['Nom : DUPONT Marie, né le 3 mars.', 'DUPONT Marie'],
    ['The account holder is Sofía Iglesias López.', 'Sofía Iglesias López'],
    ['Sold it to Oliver Thompson last week.', 'Oliver Thompson'],
    ['Ask Jean-François Lefèvre, he fixed mine.', 'Jean-François Lefèvre'],
  ])('is found as a given name and a family name: %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('leaves a courtesy title outside the span', () => {
    expect(names("J'ai vendu ma liseuse à M. Perrin, interphone Mme Le Goff.")).toEqual(['Perrin', 'Le Goff']);
    expect(names('The buzzer says Mr. Carter, or ring Ms Hargreaves.')).toEqual(['Carter', 'Hargreaves']);
  });

  it('keeps an initial and its dot inside the span, before or after the family name', () => {
    expect(names("J'ai vendu ma Kobo à Awa D. mais le colis est revenu.")).toEqual(['Awa D.']);
    expect(names('Please ask J. Smith at the front desk.')).toEqual(['J. Smith']);
  });

  it('is found in family-first Vietnamese order', () => {
    expect(names('My cousin Nguyễn Thu Thảo gave me her reader.')).toEqual(['Nguyễn Thu Thảo']);
  });

  it('is found when a cue announces it, even if the given name is not a common one', () => {
    expect(names('IBAN FR76 3000 4000, titulaire Ngozika OKAFOR.')).toEqual(['Ngozika OKAFOR']);
    expect(names('Please ship the tote bag to:\nXochitl Quispe\n12 Elm Grove')).toEqual(['Xochitl Quispe']);
  });

  it('is found split across a line break', () => {
    expect(names('Ask Jean\nDupont at the desk, he has the key.')).toEqual(['Jean\nDupont']);
  });

  it('alone is found where it greets, thanks or signs', () => {
    expect(names('Thanks Rocío! The sync works again.')).toEqual(['Rocío']);
    expect(names('Hi Ethan,\nsame problem here.')).toEqual(['Ethan']);
    expect(names('Merci à Mehdi du support pour son aide.')).toEqual(['Mehdi']);
    expect(names('Any idea?\n\nCordialement,\nJeanne Martin')).toEqual(['Jeanne Martin']);
    expect(names('Same here since 4.2.\n\n— Paul')).toEqual(['Paul']);
    expect(names('no idea what that error means.\ncheers,\njames')).toEqual(['james']);
  });

  it('alone is not found without such a cue, nor when it is an ordinary word', () => {
    expect(names('Grace periods apply to refunds, and Victoria station was closed.')).toEqual([]);
    expect(names('Will the update fix it? May be worth a try.')).toEqual([]);
  });
});

describe('capitalised words that are not names', () => {
  it('are left alone at the start of sentences and in product names', () => {
    expect(names('Sold my Kobo Clara BW last week. Running Android 14 on a Pixel 8. Tolino Shine works fine.')).toEqual([]);
  });

  it('are left alone in street names and venue names', () => {
    expect(names('Le club se retrouve à la librairie Le Bateau Livre, rue Victor Hugo.')).toEqual([]);
  });

  it('are left alone when they are a book, its author or a character', () => {
    expect(names('Just finished Mr Mercedes by Stephen King\nEmma Bovary is such a great character.')).toEqual([]);
    expect(names("Les métadonnées sont fausses : Émile Zola indiqué comme auteur de Germinal.")).toEqual([]);
    expect(names("J'ai été débitée deux fois pour Monsieur Ibrahim et les fleurs du Coran.")).toEqual([]);
  });

  it('are not taken from inside an email address or a handle', () => {
    expect(names('Write to Marie.Dupont@free.fr or @Paul_Martin.')).toEqual([]);
  });
});
