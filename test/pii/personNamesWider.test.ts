// Names from anywhere, in any of the ways people write them: a given name from the wider lists, a family name with
// a telling ending, a middle initial, a generation, a role or a quote before the name, the answer to "what's your
// name?", the other names of a list or of a transcript, the same name again, and names in a post typed all in lower
// case. Firms named after people, places named after saints, titles of works and chat abbreviations are no one.
import { detectPii } from '../../src/pii/detect';
import type { RequesterIdentifiers } from '../../src/pii/types';

const nobody: RequesterIdentifiers = { names: [], emails: [], phones: [], usernames: [], addresses: [] };
const names = (text: string) => detectPii(text, nobody).filter((s) => s.type === 'person').map((s) => text.slice(s.start, s.end));

describe('a name from outside the forum’s own countries', () => {
  it.each([
    ['The keys are with Solveig Brekke downstairs.', 'Solveig Brekke'],
    ['Ask Tadeusz Wierzbicki, he ran the club.', 'Tadeusz Wierzbicki'],
    ['Got a reply from Hiroko Tanabe yesterday.', 'Hiroko Tanabe'],
    ['Our treasurer is Oluwaseun Adeyemi.', 'Oluwaseun Adeyemi'],
  ])('is found with a given name from the wider lists: %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('is found when the family name has a telling ending, whatever the given name', () => {
    expect(names('I bought it from Radomira Kowalczykowska in May.')).toEqual(['Radomira Kowalczykowska']);
    expect(names('Zbyhněv Hrabalová wrote back at last.')).toEqual(['Zbyhněv Hrabalová']);
  });

  it('keeps a middle initial, with or without its dot, and a generation', () => {
    expect(names('Send it to Ottilie R. Vanterpool please')).toEqual(['Ottilie R. Vanterpool']);
    expect(names('> Brannagh T Okonjo\n> Lantern Systems')).toEqual(['Brannagh T Okonjo']);
    expect(names('My grandfather was Edmund Harcastle III, a sailor.')).toEqual(['Edmund Harcastle III']);
  });

  it('keeps a degree after the name and the particles inside it', () => {
    expect(names('The letter was signed by Noor Haddadi MD yesterday.')).toEqual(['Noor Haddadi MD']);
    expect(names('Wiebke van der Sloot\nWarehouse lead')).toEqual(['Wiebke van der Sloot']);
    expect(names('We flew to Costa del Sol and Rio de Janeiro.')).toEqual([]);
  });

  it('that is also a word counts at a sentence start when a person’s verb follows', () => {
    expect(names('Jay Treadwell lives upstairs.')).toEqual(['Jay Treadwell']);
    expect(names('Will the update fix it?')).toEqual([]);
  });

  it('alone is found when no place, title or other capitalised word surrounds it', () => {
    expect(names('Yesterday Ingeborg fixed the cover for me.')).toEqual(['Ingeborg']);
    expect(names('We drove to La Rochelle and Santa Monica.')).toEqual([]);
    expect(names('I finally read Matilda and the Lost Garden.')).toEqual([]);
  });

  it('is found after a role, in a quote’s attribution, or as the answer to a name question', () => {
    expect(names('Coach Bartholomeus Vree said no.')).toEqual(['Bartholomeus Vree']);
    expect(names('"It was a mess," says Quennell.')).toEqual(['Quennell']);
    expect(names("What's your last name? Oyelowo-Barnes")).toEqual(['Oyelowo-Barnes']);
    expect(names('Her maiden name is Tregarthen')).toEqual(['Tregarthen']);
  });

  it('of a list is found when the list holds known names', () => {
    expect(names('The team: Ingrid, Wojtek, Margaret and Anselm.')).toEqual(['Ingrid', 'Wojtek', 'Margaret', 'Anselm']);
  });

  it('of a transcript’s speaker is found when another speaker is a known name', () => {
    expect(names('Brunhild: Is it fixed?\nMargaret: Not yet.')).toEqual(['Brunhild', 'Margaret']);
    expect(names('Edit: fixed\nUpdate: still fine')).toEqual([]);
  });

  it('is found again when written alone later', () => {
    expect(names('The seller was Ulrike Tanneberger, and Tanneberger never shipped it.')).toEqual(['Ulrike Tanneberger', 'Tanneberger']);
  });

  it('in a post all in lower case is found without capitals', () => {
    expect(names('asked gunnar about it and he said the same')).toEqual(['gunnar']);
    expect(names('then bronwen kowalska lives next door')).toEqual(['bronwen kowalska']);
  });

  it.each([
    ['I work for Hartley Inc and love it.'],
    ['TIA\n'],
    ['Alexa, set a timer.'],
    ['Thanks for the help!\n\nTIA'],
  ])('is not a firm, an assistant or an abbreviation: %s', (text) => {
    expect(names(text)).toEqual([]);
  });
});
