// A street line is an address without the postcode the older patterns start from: a US or UK street with its
// type, a French street, a German, Dutch or Nordic street with its number after, a street whose type comes first,
// a post-office box or a military address, a street corner; with the flat, city, state, postcode and country lines
// after it. Counts of things, product names, versions, book titles and account numbers are not streets.
import { detectPii } from '../../src/pii/detect';
import type { RequesterIdentifiers } from '../../src/pii/types';

const nobody: RequesterIdentifiers = { names: [], emails: [], phones: [], usernames: [], addresses: [] };
const addresses = (text: string) => detectPii(text, nobody).filter((s) => s.type === 'address').map((s) => text.slice(s.start, s.end));

describe('a street line on its own', () => {
  it.each([
    ['Drop it at 1822 Larkspur Boulevard tomorrow.', '1822 Larkspur Boulevard'],
    ['We moved to 77 W 118th St last spring', '77 W 118th St'],
    ['Mail goes to 9 Wexford Crescent now', '9 Wexford Crescent'],
    ['il est au 36 rue de la Verrerie depuis mars', '36 rue de la Verrerie'],
    ['Neue Adresse ist Kastanienweg 14, danke', 'Kastanienweg 14'],
    ['Sie wohnt jetzt in der Lindauer Straße 7 oben', 'Lindauer Straße 7'],
    ['Das Paket ging an Passauer Strasse 33 im zweiten Stock', 'Passauer Strasse 33'],
    ['Mijn adres is Keizersgracht 512 sinds juni', 'Keizersgracht 512'],
    ['Jeg bor på Nørrebrogade 41 nu', 'Nørrebrogade 41'],
    ['Vivo en Calle de Toledo 88 con mi hermana', 'Calle de Toledo 88'],
    ['Mieszkam przy ul. Ogrodowa 12 od roku', 'ul. Ogrodowa 12'],
  ])('is found: %s', (text, address) => {
    expect(addresses(text)).toEqual([address]);
  });

  it('takes the flat, city, state, ZIP and country lines that follow it', () => {
    const text = 'Please send it to\n412 Juniper Hollow Road\nApt. 3B\nFlagstaff, AZ 86001\nUSA\nThanks!';
    expect(addresses(text)).toEqual(['412 Juniper Hollow Road\nApt. 3B\nFlagstaff, AZ 86001\nUSA']);
    expect(addresses('New one: 58 Harbour View Terrace, Suite 12, Whitby, United Kingdom. Cheers')).toEqual([
      '58 Harbour View Terrace, Suite 12, Whitby, United Kingdom',
    ]);
  });

  it('without a street word is one only when a flat and more lines of an address follow', () => {
    expect(addresses('Tornvägen\nHolmsund 17\n Apt. 4\n Umeå\n Sweden 90331')).toEqual(['Holmsund 17\n Apt. 4\n Umeå\n Sweden 90331']);
    expect(addresses('Running Android 14 on a Pixel 8, Lyon')).toEqual([]);
  });

  it('keeps a building number written before the house number', () => {
    expect(addresses('It is 12 418 Copperfield Lane now')).toEqual(['12 418 Copperfield Lane']);
  });

  it('of a post-office box or a US military address is one', () => {
    expect(addresses('Write to P.O. Box 4417, Billings, MT 59101 please')).toEqual(['P.O. Box 4417, Billings, MT 59101']);
    expect(addresses('He is deployed: PSC 1034, Box 2201\nAPO AE 09456 until May')).toEqual(['PSC 1034, Box 2201\nAPO AE 09456']);
    expect(addresses('Ship it to USNS Comfort\nFPO AA 34055 if you can')).toEqual(['USNS Comfort\nFPO AA 34055']);
  });

  it('of a street corner is one, from "the corner of" on', () => {
    expect(addresses('Meet me at the corner of 5th Avenue and Maple Street at noon')).toEqual(['the corner of 5th Avenue and Maple Street']);
    expect(addresses('It hit me in the corner of my eye and the screen went dark')).toEqual([]);
  });

  it('after an address label is the whole value', () => {
    expect(addresses('Name: Kit Arrowsmith\nAddress: 31 Quarry Lane Flat 2 Penistone Barnsley\nPhone: none')).toEqual([
      '31 Quarry Lane Flat 2 Penistone Barnsley',
    ]);
  });

  it.each([
    ['Next up: 84, Charing Cross Road.'],
    ['I bought 14 books on 2023 Kobo Street sale'],
    ['Windows 11 Home and Android 14 on the tablet'],
    ['Took 3 Long Walks this week'],
    ['IBAN GB33 BUKB 2020 1555 5555 55, BIC BUKBGB22'],
    ['Route 66 and Highway 101 are both on the list'],
    ['We came 2 Points short of the record'],
    ['Firmware 4.38.21908 fixed it, build 3450'],
    ['Chapter 12 Green Light is the best part'],
  ])('is not read into a count, a product, a version or a number: %s', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});
