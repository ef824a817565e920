// Words that look like part of a name but are not: the brands, devices and apps an e-reader forum names, street
// and venue words, months and days, and the function words that start sentences — plus the particles that do
// belong inside family names ("Le Gall", "van der Berg", "El Amrani").
import { foldNeedle } from './foldedText';

// Words that start or join sentences.
const sentenceWords = `
  the a an and or but if is are was were be been to of in on at for with from by as it its this that these those
  i im you he she we they my your his her our their me him us them so not no yes ok okay please hi hello hey
  dear thanks thank thx cheers regards best merci bonjour bonsoir salut coucou cordialement bises edit ps re via
  vs any anyone some someone every everyone all also just only still again here there when where what why how
  who which while after before since until then than now today tomorrow yesterday tonight morning evening
  le la les un une des et ou mais donc car ni pour par sur avec dans chez sans sous vers je tu il elle nous vous
  ils elles mon ma mes ton ta tes son sa ses notre votre leur ce cette ces qui que quoi ou oui non si bien tres
  aussi encore deja puis alors quand comment pourquoi voici voila sinon avant apres depuis hier demain
  folks guys everyone everybody people friends community mates tous toutes monde gens beaucoup much lots
  bonne bon journee soiree semaine happy reading good great nice love hope sorry desole
  tia btw imo imho fyi afaik iirc tbh lol omg pls plz asap alexa siri cortana
`;

// Words that head or end the name of a thing or a place: "Kobo Clara", "rue Victor Hugo", "Central Library".
const thingWords = `
  monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche
  january february march april may june july august september october november december janvier fevrier mars
  avril mai juin juillet aout septembre octobre novembre decembre
  kobo kindle boox tolino pocketbook vivlio remarkable onyx nook pixel galaxy ipad iphone macbook surface
  paperwhite oasis scribe libra sage clara elipsa nia aura forma glo touch verse era inkpad palma note air
  tab pro plus max mini lite ultra hd bw colour color shine vision epos page leaf poke go edition premium
  lumen reader app apps store play books book ebook ebooks audible calibre adobe digital editions drm
  android windows linux ubuntu chromeos macos ios ipados mac pc apple google amazon microsoft samsung
  discord instagram twitter facebook linkedin tiktok goodreads github mastodon bluesky reddit whatsapp signal
  telegram paypal visa mastercard amex stripe wifi bluetooth usb sd error warn info debug http https ssl
  sync settings support team staff admin moderator forum post thread topic update beta version firmware
  street st road rd avenue ave lane ln drive dr close crescent way court ct place pl square terrace grove
  gardens park row hill mews rue boulevard bd av chemin impasse allee quai route cours chaussee place
  strasse str platz weg gasse via calle plaza city town library cafe bookshop librairie station airport
  hall centre center university universite school ecole hospital hopital church eglise museum musee
  market marche club bar restaurant hotel shop boutique store mall gare metro bus train tram
  north south east west nord sud est ouest new old saint st ste mount lake river
  apt apartment suite unit appt appartement inc ltd llc llp plc gmbh corp sarl
  france england scotland wales ireland germany spain italy belgium switzerland canada usa uk eu europe
  english french anglais francais national insurance social security iban bic swift ssn nir
`;

const particles = `
  de du des d la le di da del della dei van von der den ter ten el al ben bin ibn abu ait ould mac mc st dos das
  y e lo
`;

function foldedSet(list: string): Set<string> {
  return new Set(list.split(/\s+/u).filter((w) => w !== '').map((w) => foldNeedle(w, { joinHyphens: true })));
}

const sentenceWordSet = foldedSet(sentenceWords);
const thingWordSet = foldedSet(thingWords);
const particleSet = foldedSet(particles);

/** A capitalised word that is never part of a person's name: "Kobo", "Street", "Monday", "The". */
export function isNeverAName(folded: string): boolean {
  return sentenceWordSet.has(folded) || thingWordSet.has(folded);
}

/** "The", "And", "Thanks": a word that starts or joins sentences, never a part of a name or a street's name. */
export function isSentenceWord(folded: string): boolean {
  return sentenceWordSet.has(folded);
}

/** A word that makes the capitalised words beside it the name of a thing or a place: "Kobo", "Street", "May". */
export function isThingWord(folded: string): boolean {
  return thingWordSet.has(folded);
}

/** "de", "Le", "van", "El": a word that sits inside a family name when a capitalised word follows it. */
export function isNameParticle(folded: string): boolean {
  return particleSet.has(folded);
}

// Lower-case words a lower-case family name cannot be: "my friend paul gave me…" is not "Paul Gave".
const commonLowerWords = foldedSet(`
  ${sentenceWords}
  ${thingWords}
  gave give gives has had have said says told tells sent sends lent lends sold sells bought buys fixes fixed
  repairs repaired helped helps knows knew can could will would should might must did does do got gets get
  wrote writes asked asks replied answered is was will who whose whom est a m'a m'avait avait ont sont etait
  repare reparé repare donne donné dit envoie envoye achete vendu prete aide sait peut pourra doit au aux
  en y dont lui leur eux moi toi soi ca ça cela ceci
`);

export function isCommonLowerWord(folded: string): boolean {
  return commonLowerWords.has(folded);
}

/** The folded words of each list above, for compiling them into one table (see foldedWordFlags.ts). */
export const ordinaryWordLists = {
  sentenceWords: [...sentenceWordSet],
  thingWords: [...thingWordSet],
  particles: [...particleSet],
  commonLowerWords: [...commonLowerWords],
};
