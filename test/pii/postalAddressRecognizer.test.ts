// Postal addresses of people are found as one span from flat or number to city or ZIP, in French, Belgian, Swiss,
// German, UK and US formats, over two lines too; venues' addresses, book titles and cities alone are not.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { postalAddressRecognizer } from '../../src/pii/recognizers/postalAddressRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) => postalAddressRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('a postal address', () => {
  it.each([
    ['Il m’avait donné : 22 r. Sainte-Catherine, 93100 Montreuil, merci', '22 r. Sainte-Catherine, 93100 Montreuil'],
    ['Voici :\n142 bis Rue Pasteur - 21000 Dijon\nMerci', '142 bis Rue Pasteur - 21000 Dijon'],
    ['C’est au 5 boulevard de la Croix-Rousse, 67000 Strasbourg, interphone', '5 boulevard de la Croix-Rousse, 67000 Strasbourg'],
    ['Ship to:\nFlat 5, 48 Beech Crescent, Leeds LS6 2AB\nThanks', 'Flat 5, 48 Beech Crescent, Leeds LS6 2AB'],
    ['He gave me 61, Elm Grove, Manchester, M14 5RG, right?', '61, Elm Grove, Manchester, M14 5RG'],
    ['Address is 4626 Riverside Drive, Apt 2A, PORTLAND, OR 97214, ring', '4626 Riverside Drive, Apt 2A, PORTLAND, OR 97214'],
    ['Address is 3366 Lakeview Terrace, Asheville, NC 28801.', '3366 Lakeview Terrace, Asheville, NC 28801'],
    ['Elle m’avait donné : Rue Haute 69, 6000 Charleroi, ok', 'Rue Haute 69, 6000 Charleroi'],
    ['Avenue de la Gare 24, 1700 Fribourg', 'Avenue de la Gare 24, 1700 Fribourg'],
    ['She gave me Bahnhofstr. 93, 04109 Leipzig, does that look right?', 'Bahnhofstr. 93, 04109 Leipzig'],
  ])('is found whole: %s', (text, address) => {
    expect(found(text)).toEqual([address]);
  });

  it('written over two lines is one span with its line break', () => {
    expect(found('Billed to: Olivia Dawson\n3479 Oak Street\nMadison, WI 53703\nCard:')).toEqual(['3479 Oak Street\nMadison, WI 53703']);
    expect(found('Hannah\nKastanienallee 3\n80331 München\nThanks')).toEqual(['Kastanienallee 3\n80331 München']);
  });

  it('without a postcode is found after "my address" or "I live at", ending with the street name', () => {
    expect(found("J'habite au 12 rue du Helder depuis 2010")).toEqual(['12 rue du Helder']);
    expect(found('I live at 221B Baker Street now')).toEqual(['221B Baker Street']);
    expect(found('I live at 742 Evergreen Terrace, Springfield.')).toEqual(['742 Evergreen Terrace, Springfield']);
  });

  it('of a café, a library or a bookshop is not personal', () => {
    const text = [
      'Le club se retrouve à Café Lumière, 8 place des Vosges, 75004 Paris, le premier mardi.',
      'Book club meets at the Blue Door Café, 41 King Street, Bristol BS1 4EF, every Tuesday.',
      'à la librairie Le Bateau Livre, 154 rue Gambetta, 59000 Lille',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });

  it('is not a book title with a number, a city alone, nor a count of things', () => {
    expect(found('Next up: 84, Charing Cross Road. Pickup in Lyon. I bought 14 books on 2023 Kobo Street sale')).toEqual([]);
  });
});
