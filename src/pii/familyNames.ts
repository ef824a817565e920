// The most common family names of the forum's countries (English, French, Spanish, German, Italian, Polish,
// Arabic, Vietnamese), with widerFamilyNames.ts for the rest of the world, and the endings that mark one. A
// capitalised word before one of them is a given name even when it is not a common one ("Tatiana Dupont"). Family
// names that are also everyday words (Stone, King, White, Long) are left out.
import { foldNeedle } from './foldedText';
import { widerFamilyNames } from './widerFamilyNames';

const familyNames = `
  smith johnson williams brown jones miller davis garcia rodriguez wilson martinez anderson taylor thomas
  hernandez moore martin jackson thompson lopez lee gonzalez harris clark lewis robinson walker perez allen
  sanchez wright scott adams nelson ramirez campbell mitchell roberts carter phillips evans turner torres
  parker collins edwards stewart flores morris nguyen murphy rivera cook rogers morgan peterson cooper reed
  bailey gomez kelly howard richardson watson brooks bennett reyes cruz hughes myers foster sanders ross
  morales powell sullivan russell ortiz jenkins gutierrez perry butler barnes fisher henderson coleman simmons
  patterson reynolds hamilton graham kim gonzales alexander ramos wallace griffin cole hayes chavez gibson
  bryant ellis stevens murray marshall owens mcdonald harrison ruiz kennedy wells alvarez mendoza castillo
  olson webb tucker freeman burns vasquez snyder simpson crawford jimenez porter gordon wagner
  hunter romero hicks dixon palmer robertson holmes meyer boyd warren schmidt patel ferguson nichols herrera
  medina fernandez weaver daniels stephens gardner payne kelley dunn pierce arnold tran spencer peters hawkins
  castro hoffman elliott cunningham knight bradley carroll hudson duncan armstrong berry andrews johnston
  riley carpenter perkins aguilar silva richards willis matthews chapman lawrence garza vargas watkins
  wheeler larson carlson harper burke guzman oliver cohen chen wang zhang liu singh khan ahmed hussain
  obrien oconnor oneill mccarthy walsh byrne ryan doyle gallagher quinn kennedy mcallister donnelly
  dubois durand leroy moreau laurent lefebvre lefevre michel bertrand roux fournier morel girard andre
  mercier dupont lambert bonnet legrand garnier faure rousseau guerin muller henry roussel perrin morin
  mathieu clement gauthier dumont fontaine chevalier robin masson sanchez boyer denis lemaire duval joly
  gautier roger roche roy meyer lucas meunier perez marchand dufour blanchard gillet chevallier
  leclerc lemoine picard caron bouvier colin brun renaud schmitt vidal giraud lacroix fabre benoit rolland
  collet barbier poirier arnaud dupuis hebert lebrun leblanc hubert riviere leclercq texier kerbrat
  le-gall le-goff le-bihan dupond marechal lemaitre carpentier
  rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti costa giordano
  mancini rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli
  mueller schneider fischer weber schulz becker hoffmann schafer koch richter klein schroder neumann
  schwarz zimmermann braun kruger hartmann lange werner krause lehmann weiss
  nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski
  kozlowski jankowski mazur kwiatkowski krawczyk piotrowski grabowski nowakowski pawlowski michalski
  garcia gonzalez rodriguez fernandez lopez martinez sanchez perez gomez diaz moreno munoz alonso romero
  navarro gutierrez torres dominguez vazquez ramos serrano blanco molina suarez ortega delgado castro
  iglesias nunez
  benali bensaid bouzid haddad mansouri cherif zeroual belkacem amrani ouali saidi brahimi hamidi
  diallo traore kone toure camara sangare keita coulibaly ndiaye diop  sow bamba cisse sylla
  pham hoang huynh phan vu vo dang bui ngo duong
`;

const familySet = new Set(
  `${familyNames} ${widerFamilyNames}`
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map((w) => foldNeedle(w.replace(/-/gu, ' '), { joinHyphens: true })),
);

/** Whether a folded word (or "le gall") is a common family name. */
export function isCommonFamilyName(folded: string): boolean {
  return familySet.has(folded);
}

/** Every common family name, folded. */
export function commonFamilyNameList(): string[] {
  return [...familySet];
}

// How family names end in the languages that build them from a father's name, a place or a trade: Nordic
// "-sson", "-sen", "-dóttir"; Slavic "-ski", "-ska", "-cki", "-wicz", "-ová", "-ić", "-enko", "-ov(a)", "-ev(a)",
// "-ovich"; Greek "-opoulos", "-akis", "-idis"; Romanian "-escu"; Turkish "-oğlu"; Finnish "-nen"; Armenian "-yan";
// Georgian "-shvili", "-dze". Few words of English or French end so (the length limits keep out "chosen", "Nova").
const familyNameEnding =
  /^\p{Lu}[\p{L}\p{M}'’-]*(?:sson|dóttir|dottir|ová|ski|ska|cki|cka|dzki|dzka|wicz|ić|enko|opoulos|akis|idis|escu|oğlu|ovich|evich|ovna|shvili|dze|ström|qvist|quist)$|^\p{Lu}[\p{L}\p{M}'’-]{3,}(?:sen|nen|yan|ov|ova|ev|eva|ian)$/u;

/** Whether a written word, in any case, has the ending of a family name in a language that marks them ("Szczepańska"). */
export function hasFamilyNameEnding(written: string): boolean {
  return written.length >= 5 && familyNameEnding.test(written.charAt(0).toUpperCase() + written.slice(1));
}
