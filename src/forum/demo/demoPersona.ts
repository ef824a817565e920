// Marie Dupont, the demo forum's requester: her identifiers and the posts where they appear, in the surface
// forms a real forum shows (quoted, obfuscated, reformatted, edited out). Tests and the README rely on them.

export const demoPersona = {
  name: 'Marie Dupont',
  email: 'marie.dupont@example.fr',
  phone: '+33 6 12 34 56 78',
  username: 'marie_d',
  /** Posts whose text (body or a revision) carries one of her identifiers in some form. */
  postIds: ['7', '23', '58', '59', '131', '176'],
  /** Posts she wrote; 96 says nothing about her in its text. */
  authoredPostIds: ['7', '23', '96', '176'],
  posts: {
    /** Her name and email in the body. */
    introduction: '7',
    /** Her phone ("06 12 34 56 78") only in the first revision's before text: she edited it out. */
    phoneEditedOut: '23',
    /** Someone else gives her name, @handle and phone ("+33 6 12 34 56 78"). */
    mentionedByOther: '58',
    /** Quotes post 7, email included. */
    quotesIntroduction: '59',
    /** "marie point dupont at example point fr" and "06.12.34.56.78". */
    obfuscated: '131',
    /** "M. Dupont" and her username in the body; her email only in a revision. */
    emailEditedOut: '176',
  },
} as const;

/** A hand-written post: versions lists its text edit by edit, the last one being the current body. */
export interface PersonaPost {
  author: string;
  /** The topic's title, for a post that opens one; replies have none. */
  title?: string;
  versions: [string, ...string[]];
}

const introduction =
  "Je m'appelle Marie Dupont, j'habite à Lyon et je lis surtout des romans policiers. " +
  'Je prête volontiers mes Agatha Christie : écrivez-moi à marie.dupont@example.fr.';

const swap = "Qui veut échanger des livres samedi au parc de la Tête d'Or ? J'ai deux cartons de poches à donner.";

const giveaway = "M. Dupont from the Lyon group here (marie_d on the old forum). I'm giving away forty Penguin Classics,";

export const personaPosts: ReadonlyMap<number, PersonaPost> = new Map<number, PersonaPost>([
  [7, { author: 'marie_d', title: 'Bonjour à toutes et à tous', versions: [`Bonjour à toutes et à tous !\n\n${introduction}`] }],
  [
    23,
    {
      author: 'marie_d',
      title: 'Échange de livres samedi',
      versions: [
        `${swap}\n\nAppelez-moi au 06 12 34 56 78, je suis disponible le matin.`,
        `${swap}\n\nEnvoyez-moi un message privé, je suis disponible le matin.`,
        `${swap}\n\nEnvoyez-moi un message privé, je suis disponible le matin.\n\nEdit : il reste surtout des Simenon.`,
      ],
    },
  ],
  [
    58,
    {
      author: 'ellie_reads',
      versions: [
        'Shout-out to Marie Dupont (@marie_d) who organised the Lyon swap last weekend. If you want to join next time, ' +
          "her number is +33 6 12 34 56 78 and she said it's fine to share it here.",
      ],
    },
  ],
  [
    59,
    {
      author: 'hugo.m',
      versions: [`marie_d a écrit :\n\n> ${introduction}\n\nMerci Marie, je vous ai écrit pour Le Crime de l'Orient-Express !`],
    },
  ],
  [
    96,
    {
      author: 'marie_d',
      versions: ['Relu Le Petit Prince ce week-end avec ma nièce. On ne le lit pas du tout pareil à trente ans d’écart.'],
    },
  ],
  [
    131,
    {
      author: 'papivore',
      versions: [
        'Pour ceux qui cherchaient qui vend sa collection de Maigret : c’est Marie, ' +
          'marie point dupont at example point fr, ou au 06.12.34.56.78 le soir.',
      ],
    },
  ],
  [
    176,
    {
      author: 'marie_d',
      title: 'Free books to a good home',
      versions: [
        `${giveaway} email me at marie.dupont@example.fr and I'll post them.`,
        `${giveaway} send me a private message and I'll post them.`,
      ],
    },
  ],
]);
