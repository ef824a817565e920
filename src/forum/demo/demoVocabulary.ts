// What the demo forum's members talk about, in English and French: a reading circle that swaps books and
// binds them. The people and contact details are invented (example.* domains, numbers from fiction ranges).
import type { SeededRandom } from './seededRandom';

export type Lang = 'en' | 'fr';

export interface Book {
  title: string;
  author: string;
}

/** Someone other than the demo persona whose details members share. */
export interface Person {
  name: string;
  email: string;
  handle: string;
}

export interface Vocabulary {
  users: string[];
  people: Person[];
  templates: ((r: SeededRandom) => string)[];
  /** A sentence that gives away someone's contact details; phone is already formatted for the language. */
  disclosures: ((person: Person, phone: string) => string)[];
  /** How an email is spelled out to dodge scrapers. */
  obfuscate: ((email: string) => string)[];
  quoteIntro: (author: string) => string;
  quoteReplies: string[];
  editNotes: string[];
}

const englishBooks: Book[] = [
  { title: 'Middlemarch', author: 'George Eliot' },
  { title: 'Jane Eyre', author: 'Charlotte Brontë' },
  { title: 'The Remains of the Day', author: 'Kazuo Ishiguro' },
  { title: 'Wolf Hall', author: 'Hilary Mantel' },
  { title: 'Piranesi', author: 'Susanna Clarke' },
  { title: 'The Left Hand of Darkness', author: 'Ursula K. Le Guin' },
  { title: 'Persuasion', author: 'Jane Austen' },
  { title: 'Rebecca', author: 'Daphne du Maurier' },
  { title: 'Station Eleven', author: 'Emily St. John Mandel' },
  { title: 'Great Expectations', author: 'Charles Dickens' },
  { title: 'The Secret History', author: 'Donna Tartt' },
  { title: 'Beloved', author: 'Toni Morrison' },
];

const frenchBooks: Book[] = [
  { title: 'Les Misérables', author: 'Victor Hugo' },
  { title: 'Madame Bovary', author: 'Gustave Flaubert' },
  { title: "L'Étranger", author: 'Albert Camus' },
  { title: 'Le Rouge et le Noir', author: 'Stendhal' },
  { title: 'Bel-Ami', author: 'Guy de Maupassant' },
  { title: 'La Peste', author: 'Albert Camus' },
  { title: 'Germinal', author: 'Émile Zola' },
  { title: 'Le Comte de Monte-Cristo', author: 'Alexandre Dumas' },
  { title: 'Les Liaisons dangereuses', author: 'Choderlos de Laclos' },
  { title: 'Vingt mille lieues sous les mers', author: 'Jules Verne' },
  { title: 'Belle du Seigneur', author: 'Albert Cohen' },
  { title: "L'Écume des jours", author: 'Boris Vian' },
];

const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'September', 'October', 'November'];
const frenchMonths = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'septembre', 'octobre', 'novembre'];

const english: Vocabulary = {
  users: ['bookworm_tom', 'ellie_reads', 'captain_marginalia', 'priya.k', 'oldpages', 'j_whitfield', 'sam_inkwell', 'nora_b'],
  people: [
    { name: 'Eleanor Whitfield', email: 'eleanor.whitfield@example.com', handle: 'ellie.reads' },
    { name: 'Priya Kapoor', email: 'p.kapoor@example.org', handle: 'priyareads' },
    { name: "James O'Connell", email: 'jamesoc@example.co.uk', handle: 'jamesreadsalot' },
    { name: 'Hannah Reyes', email: 'hannah.reyes@example.com', handle: 'hannah_binds' },
    { name: 'Oliver Bennett', email: 'obennett@example.net', handle: 'tom_turns_pages' },
    { name: 'Grace Lin', email: 'grace.lin@example.org', handle: 'gracefulshelves' },
  ],
  templates: [
    (r) => {
      const b = r.pick(englishBooks);
      return `Just finished ${b.title} by ${b.author}. ${r.pick(englishOpinions)}\n\nHas anyone read anything else by ${b.author}?`;
    },
    (r) => `For the ${r.pick(englishMonths)} reading challenge I'm going with ${r.pick(englishBooks).title}. ${r.pick(englishPlans)}`,
    (r) => `Bookbinding question: ${r.pick(englishBindingQuestions)}\n\n${r.pick(englishBindingContext)}`,
    (r) =>
      `Does anyone know a good second-hand bookshop near ${r.pick(['York', 'Bristol', 'Edinburgh', 'Boston', 'Hay-on-Wye', 'Portland'])}? ` +
      `I'll be there in ${r.pick(englishMonths)} and I'm bringing an empty suitcase.`,
    (r) => `I have to disagree about ${r.pick(englishBooks).title}. ${r.pick(englishDisagreements)}`,
    (r) =>
      `Reminder: the next book swap is on ${r.pick(['Saturday', 'Sunday', 'the 14th', 'the first Saturday of the month'])} ` +
      `at ${r.pick(['the library annexe', 'the Crown & Anchor', 'the community hall', 'the usual café'])}. ` +
      `Bring up to three books, take up to three. ${r.pick(englishSwapExtras)}`,
    (r) => {
      const [a, b] = [r.pick(englishBooks), r.pick(frenchBooks)];
      return `Currently reading ${a.title} and ${b.title} at the same time, which was a mistake. ${r.pick(englishMixups)}`;
    },
    (r) => `Which translation of ${r.pick(frenchBooks).title} should I read? ${r.pick(englishTranslations)}`,
    () => "Welcome to everyone who joined this week! Tell us what you're reading and what you'd like to read next.",
    (r) => `Small win: I finally finished my ${r.int(5, 60)}th book of the year. ${r.pick(englishWins)}`,
    (r) => `Audiobook or paper for ${r.pick(englishBooks).title}? ${r.pick(englishAudio)}`,
    (r) => `Our club is reading ${r.pick(englishBooks).title} next month. ${r.pick(englishClub)}`,
    (r) =>
      `Has anyone repaired a cracked spine with ${r.pick(['wheat starch paste', 'PVA', 'Japanese tissue'])}? ${r.pick(englishRepairs)}`,
    (r) =>
      `Found a ${r.int(1948, 1989)} edition of ${r.pick(englishBooks).title} at a car boot sale for ${r.pick(['50p', '£1', '£2.50', '$3'])}. ` +
      r.pick(englishFinds),
    (r) => `Spoiler warning for ${r.pick(englishBooks).title}!\n\n${r.pick(englishSpoilers)}`,
  ],
  disclosures: [
    (p) => `You can reach me at ${p.email} if you want to swap.`,
    (_p, phone) => `Call me on ${phone} after 6pm if you're interested.`,
    (p, phone) => `My friend ${p.name} runs the stall, their number is ${phone}.`,
    (p) => `I'm @${p.handle} on Instagram, I post my shelves there.`,
    (p) => `Ask ${p.name} (${p.email}), they keep the list of who has which book.`,
    (p, phone) => `Text ${p.name} on ${phone}, they still have two copies.`,
  ],
  obfuscate: [
    (email) => email.replace('@', ' at ').replace(/\./g, ' dot '),
    (email) => email.replace('@', ' [at] ').replace(/\./g, ' [dot] '),
  ],
  quoteIntro: (author) => `${author} wrote:`,
  quoteReplies: [
    'Completely agree with this.',
    "This is exactly why I keep coming back to this forum. Thank you!",
    "I'm not sure I agree, but it's a fair point.",
    'Adding this to my list right now.',
    'Same here, I had the same edition and the same problem.',
  ],
  editNotes: ['Edit: fixed the title.', 'Edit: typo.', 'Edit: spelling.', 'Edit: added the edition I have.'],
};

const french: Vocabulary = {
  users: ['lecteur_du_dimanche', 'claire_b', 'papivore', 'hugo.m', 'jeanne_l', 'bouquiniste75', 'sylvie_r', 'etienne.lf'],
  people: [
    { name: 'Jeanne Leroy', email: 'jeanne.leroy@example.fr', handle: 'lectrice_de_nuit' },
    { name: 'Hugo Martin', email: 'hugo.martin@example.fr', handle: 'hugo_lit' },
    { name: 'Claire Bertrand', email: 'claire.bertrand@example.fr', handle: 'bouquins_et_the' },
    { name: 'Sylvie Roux', email: 'sylvie.roux@example.net', handle: 'sylvie_relie' },
    { name: 'Étienne Lefèvre', email: 'e.lefevre@example.fr', handle: 'etienne_lf' },
    { name: 'Amélie Garnier', email: 'amelie.garnier@example.com', handle: 'amelie_bouquine' },
  ],
  templates: [
    (r) => {
      const b = r.pick(frenchBooks);
      return `Je viens de terminer ${b.title} de ${b.author}. ${r.pick(frenchOpinions)}\n\nVous avez lu d'autres livres de ${b.author} ?`;
    },
    (r) => `Pour le défi lecture de ${r.pick(frenchMonths)}, je pars sur ${r.pick(frenchBooks).title}. ${r.pick(frenchPlans)}`,
    (r) => `Question reliure : ${r.pick(frenchBindingQuestions)}\n\n${r.pick(frenchBindingContext)}`,
    (r) =>
      `Vous connaissez une bonne bouquinerie d'occasion à ${r.pick(['Lyon', 'Bordeaux', 'Lille', 'Nantes', 'Montréal', 'Bruxelles'])} ? ` +
      `J'y passe en ${r.pick(frenchMonths)} et je compte revenir avec une valise pleine.`,
    (r) => `Je ne suis pas d'accord sur ${r.pick(frenchBooks).title}. ${r.pick(frenchDisagreements)}`,
    (r) =>
      `Rappel : la prochaine bourse aux livres a lieu ${r.pick(['samedi', 'dimanche', 'le 14', 'le premier samedi du mois'])} ` +
      `${r.pick(['à la médiathèque', 'au café du coin', 'à la salle des fêtes', 'chez Paulette'])}. ` +
      `Apportez jusqu'à trois livres, repartez avec trois. ${r.pick(frenchSwapExtras)}`,
    (r) => {
      const [a, b] = [r.pick(frenchBooks), r.pick(englishBooks)];
      return `Je lis ${a.title} et ${b.title} en même temps, mauvaise idée. ${r.pick(frenchMixups)}`;
    },
    (r) => `Quelle traduction de ${r.pick(englishBooks).title} me conseillez-vous ? ${r.pick(frenchTranslations)}`,
    () => 'Bienvenue aux nouveaux membres ! Dites-nous ce que vous lisez en ce moment et ce que vous aimeriez lire ensuite.',
    (r) => `Petite victoire : j'ai terminé mon ${r.int(5, 60)}e livre de l'année. ${r.pick(frenchWins)}`,
    (r) => `Livre audio ou papier pour ${r.pick(frenchBooks).title} ? ${r.pick(frenchAudio)}`,
    (r) => `Notre club lit ${r.pick(frenchBooks).title} le mois prochain. ${r.pick(frenchClub)}`,
    (r) =>
      `Quelqu'un a déjà réparé un dos cassé avec ${r.pick(["de la colle d'amidon", 'de la colle vinylique', 'du papier japonais'])} ? ` +
      r.pick(frenchRepairs),
    (r) =>
      `Trouvé une édition de ${r.int(1948, 1989)} de ${r.pick(frenchBooks).title} dans un vide-grenier pour ${r.pick(['1 €', '2 €', '50 centimes'])}. ` +
      r.pick(frenchFinds),
    (r) => `Attention, spoilers sur ${r.pick(frenchBooks).title} !\n\n${r.pick(frenchSpoilers)}`,
  ],
  disclosures: [
    (p) => `Écrivez-moi à ${p.email} si ça vous intéresse.`,
    (_p, phone) => `Mon numéro : ${phone}, plutôt le soir.`,
    (p, phone) => `Contactez ${p.name} de ma part au ${phone}.`,
    (p) => `Je suis @${p.handle} sur Instagram, j'y montre mes étagères.`,
    (p) => `C'est ${p.name} (${p.email}) qui tient la liste des livres prêtés.`,
    (p, phone) => `Appelez ${p.name} au ${phone}, il en reste deux exemplaires.`,
  ],
  obfuscate: [
    (email) => email.replace('@', ' arobase ').replace(/\./g, ' point '),
    (email) => email.replace('@', ' [at] ').replace(/\./g, ' [point] '),
  ],
  quoteIntro: (author) => `${author} a écrit :`,
  quoteReplies: [
    "Tout à fait d'accord.",
    "C'est exactement pour ça que j'aime ce forum. Merci !",
    "Je ne suis pas sûr d'être d'accord, mais l'argument se tient.",
    'Je le note tout de suite.',
    "Pareil, j'avais la même édition et le même souci.",
  ],
  editNotes: ["Edit : j'ai corrigé le titre.", 'Edit : faute de frappe.', 'Edit : orthographe.', "Edit : j'ai ajouté mon édition."],
};

const englishOpinions = [
  'The last hundred pages were worth the slow start.',
  'I cried on the train, which was embarrassing.',
  'Beautifully written, but I never warmed to the narrator.',
  'It has aged better than I expected.',
  'I can see why it divides people.',
];
const englishPlans = [
  'Fifty pages a day, wish me luck.',
  "I've been putting it off for years.",
  'Anyone want to read along? We could meet on Thursdays.',
  'My copy is falling apart, so this may double as a rebinding project.',
];
const englishBindingQuestions = [
  'what thread weight do you use for a coptic stitch?',
  'is bookcloth worth it over plain buckram for a first project?',
  'how long do you leave a text block in the press after gluing?',
  'has anyone made their own bone folder?',
];
const englishBindingContext = [
  "I'm rebinding an old paperback as a gift and don't want it to look homemade.",
  'My last attempt warped within a week.',
  'The video tutorials all disagree with each other.',
];
const englishDisagreements = [
  'The ending is not a cop-out, it is the whole point of the book.',
  "The middle section drags, but that's deliberate.",
  'It is funnier than people give it credit for.',
];
const englishSwapExtras = [
  'Tea and biscuits provided.',
  'Children’s books especially welcome.',
  "If it rains we'll move inside.",
];
const englishMixups = [
  'I keep expecting the wrong characters to turn up.',
  'Both have a character called Julien and my brain has merged them.',
  'One is too heavy for the bus, so I only read the other one.',
];
const englishTranslations = [
  'The one I have reads like it was translated in a hurry.',
  'I would like something close to the original without footnotes on every page.',
  'Penguin or Oxford World’s Classics?',
];
const englishWins = [
  'Mostly short novels, I admit.',
  'Last year I managed twelve, so I am very pleased.',
  'The challenge thread kept me going.',
];
const englishAudio = [
  'I have a long commute coming up.',
  "The narrator's voice matters a lot to me.",
  'I tend to drift off with audiobooks.',
];
const englishClub = [
  'Suggestions for discussion questions are welcome.',
  'We meet on the last Thursday of the month, newcomers welcome.',
  'Last time half of us did not finish, so we chose something shorter.',
];
const englishRepairs = [
  'The book belonged to my grandmother and I would rather not make it worse.',
  'It worked on the spine but the hinge is still loose.',
];
const englishFinds = [
  'The previous owner left pencil notes in the margins, which are half the fun.',
  'Still has the original dust jacket.',
  'It smells of pipe tobacco, which I have decided is a feature.',
];
const englishSpoilers = [
  'I did not see the twist in the last chapter coming at all. Did anyone?',
  'I think the narrator knew all along, and the book rewards a second reading.',
  'The letter in chapter twelve changes everything, and I need to talk about it.',
];

const frenchOpinions = [
  'Les cent dernières pages valent largement le début un peu lent.',
  "J'ai pleuré dans le métro, c'était gênant.",
  "C'est magnifiquement écrit, mais je n'ai jamais accroché au narrateur.",
  "Il a mieux vieilli que je ne l'aurais cru.",
  'Je comprends pourquoi il divise autant.',
];
const frenchPlans = [
  'Cinquante pages par jour, souhaitez-moi bonne chance.',
  'Ça fait des années que je repousse.',
  'Quelqu’un veut le lire en même temps ? On pourrait en parler le jeudi.',
  'Mon exemplaire tombe en morceaux, ce sera aussi un projet de reliure.',
];
const frenchBindingQuestions = [
  'quel fil utilisez-vous pour une couture copte ?',
  'la toile de reliure vaut-elle le coup pour un premier projet ?',
  'combien de temps laissez-vous le corps d’ouvrage sous presse après collage ?',
  'quelqu’un a déjà fabriqué son propre plioir ?',
];
const frenchBindingContext = [
  'Je relie un vieux poche pour l’offrir et je ne veux pas que ça fasse bricolé.',
  'Ma dernière tentative a gondolé en une semaine.',
  'Les tutoriels vidéo se contredisent tous.',
];
const frenchDisagreements = [
  "La fin n'est pas une facilité, c'est tout le sens du livre.",
  "Le milieu traîne, mais c'est voulu.",
  "C'est bien plus drôle qu'on ne le dit.",
];
const frenchSwapExtras = ['Café et gâteaux offerts.', 'Les livres pour enfants sont les bienvenus.', "S'il pleut, on se met à l'intérieur."];
const frenchMixups = [
  "J'attends sans cesse les mauvais personnages.",
  'Les deux ont un personnage qui s’appelle Julien et mon cerveau les a fusionnés.',
  "L'un est trop lourd pour le bus, alors je ne lis que l'autre.",
];
const frenchTranslations = [
  "Celle que j'ai semble avoir été traduite à la va-vite.",
  "J'aimerais rester proche de l'original sans une note à chaque page.",
  'Folio ou Points ?',
];
const frenchWins = ["Surtout des romans courts, je l'avoue.", "L'an dernier j'en avais lu douze, je suis ravie.", 'Le fil du défi m’a bien motivé.'];
const frenchAudio = ["J'ai de longs trajets qui arrivent.", 'La voix du lecteur compte beaucoup pour moi.', "Je m'endors souvent avec les livres audio."];
const frenchClub = [
  'Vos idées de questions pour la discussion sont les bienvenues.',
  'On se retrouve le dernier jeudi du mois, les nouveaux sont les bienvenus.',
  "La dernière fois la moitié d'entre nous n'avait pas fini, alors on a choisi plus court.",
];
const frenchRepairs = [
  "Le livre était à ma grand-mère et je préférerais ne pas l'abîmer davantage.",
  'Le dos a tenu mais le mors est encore fragile.',
];
const frenchFinds = [
  "L'ancien propriétaire a laissé des notes au crayon dans les marges, c'est la moitié du plaisir.",
  'Il a encore sa jaquette d’origine.',
  'Il sent le tabac à pipe, ce que je considère comme un atout.',
];
const frenchSpoilers = [
  "Je n'ai absolument pas vu venir le retournement du dernier chapitre. Et vous ?",
  'Je pense que le narrateur savait tout depuis le début, et le livre gagne à être relu.',
  'La lettre du chapitre douze change tout, il faut qu’on en parle.',
];

export const vocabulary: Record<Lang, Vocabulary> = { en: english, fr: french };
