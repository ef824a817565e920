// Common given names of the people who write on a French and English forum — French, English, Spanish, Italian,
// German, Polish, Arabic, West African and Vietnamese — with the gender a courtesy title would agree with, and the
// wider lists of widerGivenNames.ts for everyone else.
import { foldNeedle } from './foldedText';
import { otherLanguagesGivenNames, usEitherGivenNames, usFemaleGivenNames, usMaleGivenNames } from './widerGivenNames';

export type NameGender = 'f' | 'm' | 'x';

// Folded at load (lower case, no accents, hyphens as spaces) so a lookup is one Map probe per word.
const female = `
  marie anne jeanne catherine francoise monique nicole christine isabelle sylvie nathalie sophie valerie sandrine
  veronique celine aurelie emilie julie pauline margaux oceane elise agathe capucine noemie audrey virginie delphine
  laetitia amandine charlotte camille juliette helene clemence solene gaelle elodie berenice mathilde lea manon
  chloe chloé ines zoe louise alice lucie jade lina emma anais melanie stephanie caroline alexandra sabrina
  severine karine laurence brigitte martine chantal josiane danielle genevieve odile colette josette yvette
  sarah laura lola romane eva clara louna ambre rose mila mia margot adele victoire apolline josephine heloise
  cecile florence beatrice claire marine gabrielle maelys maeva nadege estelle fanny marion coralie morgane
  annabelle armelle bernadette claudine corinne dominique eliane fabienne ghislaine gisele huguette jacqueline
  jocelyne lucienne madeleine mireille muriel pascale patricia regine simone solange suzanne therese yvonne
  emily hannah olivia megan jessica lauren amy rachel rebecca bethany abigail imogen harriet chelsea kayleigh
  siobhan niamh aoife ciara saoirse eilidh fiona kirsty ellie molly poppy daisy freya isla evie amelia ava
  isabella sophia madison ashley brittany samantha jennifer elizabeth mary susan karen linda barbara patricia
  nancy margaret lisa betty dorothy sandra donna carol michelle kimberly deborah melissa stephanie amanda
  kathleen shirley angela helen brenda pamela nicole katherine christina debra rachael heather diane julia
  joyce victoria kelly lauren christine joan evelyn judith megan cheryl andrea hannah martha gloria teresa
  natalie natasha sara janet catherine frances ann maria diana ruth jacqueline kathryn alice judy jean denise
  katie kate lucy grace georgia jasmine holly gemma zoe leah naomi jade tegan carys rhiannon bronwen caitlin
  maisie phoebe scarlett matilda florence beatrix alison gillian jane karen louise lindsay vanessa wendy yvonne
  maria carmen pilar rocio begona ainhoa lucia sofia paula raquel nuria marta elena isabel cristina beatriz
  alba irene silvia rosa dolores mercedes montserrat ana patricia lorena veronica nerea leire itziar amaia
  guadalupe ximena valeria daniela gabriela camila catalina mariana fernanda
  francesca giulia chiara sara federica valentina martina alessia giorgia elisa silvia paola simona roberta
  alessandra beatrice ilaria serena laura anna giovanna antonella lucia caterina benedetta
  ulrike anja katrin sabine petra claudia susanne monika birgit heike kerstin andrea stefanie nicole julia
  lena leonie hanna lea mia emilia lina marlene greta frieda ingrid gisela ursula renate helga gudrun jutta
  malgorzata katarzyna agnieszka joanna anna magdalena ewa zofia marta barbara dorota monika aleksandra
  beata justyna karolina natalia weronika wiktoria zuzanna paulina kinga iwona grazyna halina krystyna
  khadija fatima fatma salma yasmine yasmina leila amina nour nora samira nadia imane meriem myriam zineb
  houda rania lina ines aicha aisha malika naima karima soraya sonia sofia hafsa hajar asma chaima wafa
  zahra zohra latifa jamila djamila farida hanane loubna siham souad kenza sabrina dounia yousra safia
  aminata awa fatou mariam mariama kadiatou aissatou binta djeneba rokia oumou adja coumba ndeye astou
  ramatou hawa salimata assetou ngozi chioma amaka adaeze funmilayo yetunde abena akua ama efua esi
  thao lan huong linh mai hoa trang hanh ngoc phuong thuy nga hien hang yen diep vy
  tiffany brittany crystal tammy kristen kristin shannon amber tracy tracey stacy stacey kristina tara
  erica erika monica veronica tanya sonya brandy misty candace latoya keisha tonya wanda sheila rhonda
  robin vicki vickie tina dana jill jenny jenna alyssa kayla courtney whitney kelsey lindsey chelsea haley
  hailey kaitlyn katelyn brianna destiny jordan taylor alexis morgan sydney mackenzie makayla allison
  allyson savannah gabriella brooke paige autumn leslie lesley stephanie tabitha april marsha marcia
  beverly bonnie carla connie darlene doris edna ethel gail geraldine gwendolyn irene jeanette jo joanne
  josephine juanita june kathy kay lillian loretta lori lucille marian marilyn marjorie mildred norma
  paula peggy phyllis rita roberta rosemary sally shelly sherry sue sylvia thelma valerie vera viola
  wilma yolanda hazel elaine eleanor esther gladys marion audrey shelby lydia jocelyn nina adriana
  ariana bella chloe claudia elena gianna isabel jacqueline kaylee leah liliana lucy madeline melanie
  mya natalia riley ruby sienna skylar sophie trinity vanessa violet zoey caroline
`;

const male = `
  jean pierre michel philippe alain patrick nicolas christophe stephane laurent olivier sebastien julien
  guillaume vincent thomas antoine arnaud mathieu matthieu clement baptiste maxime yannick jerome frederic
  benoit gregoire thibault cedric loic remi gael theo lucas hugo louis nathan enzo mathis raphael arthur
  jules adam paul gabriel leo tom noah ethan timeo axel victor martin alexandre francois bernard daniel
  didier eric franck fabrice gilles herve jacques joel lionel marc pascal regis serge sylvain thierry xavier
  yves bruno claude denis dominique emmanuel gerard henri anthony kevin quentin romain simon valentin adrien aurelien bastien
  benjamin damien dylan florian jeremy jordan jonathan ludovic mickael morgan sylvestre tristan yann
  etienne fabien gaetan gaspard hector jacky jeremie joseph lucien marius maurice raymond rene roger
  james john robert michael william david richard charles joseph thomas christopher daniel matthew anthony
  donald steven andrew kenneth joshua kevin brian george edward ronald timothy jason jeffrey ryan jacob gary
  nicholas eric stephen jonathan larry justin scott brandon benjamin samuel frank gregory raymond alexander
  patrick jack dennis jerry tyler aaron henry douglas peter adam nathan zachary walter kyle harold carl
  jeremy keith roger gerald ethan arthur terry christian sean lawrence austin joe noah jesse albert bryan
  billy bruce willie jordan dylan alan ralph gabriel roy juan wayne eugene logan randy louis russell vincent
  philip bobby johnny bradley oliver harry jamie callum connor liam owen rhys gareth dafydd ewan euan
  hamish iain alistair angus fraser ross craig declan ciaran cian sean eoin padraig niall conor oisin
  archie alfie charlie freddie oscar theo leo finley harvey toby reuben stanley elliot max mason lewis
  luke joel jake josh ben dan sam tom nick matt rob mike steve tony neil colin graham nigel trevor
  barry derek martin malcolm stuart ian duncan gordon kenneth marcus
  alvaro javier jose antonio manuel francisco david juan pedro pablo alejandro diego carlos miguel sergio
  ruben andres joaquin fernando rafael luis jorge alberto raul enrique ramon vicente ignacio inigo iker
  mikel unai asier aitor xabier gorka jaime adrian ivan oscar hector marcos mario santiago mateo hugo
  alessandro matteo luca marco giuseppe giovanni paolo roberto andrea lorenzo davide simone stefano
  francesco gianluca riccardo federico filippo tommaso emanuele massimo fabio claudio salvatore vittorio
  jurgen wolfgang dirk matthias stefan andreas klaus uwe sven jens frank jorg lukas leon felix jonas
  maximilian moritz niklas tobias florian sebastian dieter manfred gunter horst helmut rainer bernd ralf
  thorsten holger heiko kai timo markus karl hans heinrich friedrich
  lukasz pawel krzysztof piotr tomasz marcin michal jakub kamil grzegorz wojciech mateusz bartosz
  dawid adrian artur rafal sebastian przemyslaw zbigniew andrzej jan stanislaw tadeusz jerzy ryszard
  mohamed mohammed muhammad mehdi karim youssef rachid omar bilal hamza ali sami ahmed hassan hicham said walid
  sofiane amine ayoub ilyes yassine ibrahim ismail mustapha mustafa abdel abdelkader abdallah nabil farid
  tarek samir malik nassim redouane rayan anis adel khaled mourad kamel slimane yacine zakaria idriss
  mamadou moussa ousmane ibrahima abdoulaye seydou oumar boubacar adama cheikh modou souleymane issa lamine
  salif yaya bakary sekou amadou alassane aliou demba babacar kofi kwame kwabena yaw chidi emeka chukwuemeka
  tunde oluwaseun olumide babatunde femi segun
  tuan huy dung minh nam long hung thanh quang duc hai khanh son tung hieu phong vinh bao trung kien cuong
  cody dustin travis shane brent chad derrick derek jamal darnell tyrone terrence andre marcus corey
  curtis darren dwayne earl eddie edwin floyd franklin glenn harvey herbert howard jared jeffery jerome
  jimmy joel jon julian kurt lance leonard leroy lloyd luis manuel marvin melvin micheal mitchell nathaniel
  norman rodney ronnie ross ruben sergio shawn stanley ted terrance todd tommy tony troy vernon wesley
  alan allen alvin arnold barry ben bernard brad calvin cameron carlos cecil chester clarence clifford
  clinton clyde dale dan danny darrell dean don donnie duane eli elijah elmer emmett ernest evan everett
  fred gilbert gordon grant gregg harold hunter isaac ivan jackson jaime javier jay jeff jesus jimmie
  jody joey johnathan jonah josiah kirk lamar lee leon levi lonnie luke mack mario marlon marshall maurice
  micah miguel milton morris nelson neil nolan omar orlando oscar pedro perry phillip preston ramon randall
  randolph reginald ricardo ricky roberto rodolfo roland ronald rudy russell sammy seth sidney spencer
  steve terry tim timothy trevor tristan tyson vincent wade warren wendell willard xavier zachary
  aiden brayden caleb carson chase colton connor cooper easton gavin grayson hudson jace jaxon jayden
  landon liam lincoln lucas mason nicholas owen parker ryder sawyer wyatt
`;

// Given names that are also everyday words or places ("Will you…", "Grace period", "Nancy, France",
// "Eugene, OR"): they count only beside a family name or a clear cue, never alone after a capital.
const ambiguous = `
  will may june april august grace hope faith joy rose iris ivy summer dawn eve mark bill guy pat art frank
  rich max miles ray sandy penny ruby pearl jade olive victoria florence georgia sage clara claire marine
  jean constance prudence nancy madison eugene austin savannah jordan tyler chelsea sydney lincoln dallas
  santiago paris lourdes sami sonia vy yen son long nam hung bao
  amber autumn crystal destiny misty brandy robin taylor morgan paige shelby sydney skylar trinity
  violet hazel earl grant hunter jackson lincoln marshall mason parker chase cooper carson preston
  perry sawyer warren wade lance miles dean don dale kay sue jo jay lee mack neil
`;

function entries(list: string, gender: NameGender): [string, NameGender][] {
  return list
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map((w) => [foldNeedle(w, { joinHyphens: true }), gender]);
}

const genders = new Map<string, NameGender>();
for (const [name, gender] of [...entries(female, 'f'), ...entries(male, 'm')]) {
  // A name on both lists ("Dominique", "Andrea", "Camille") agrees with any title.
  const known = genders.get(name);
  genders.set(name, known === undefined || known === gender ? gender : 'x');
}
// The wider lists only add names: the forum's own lists above say which gender a title must agree with.
for (const [name, gender] of [
  ...entries(usFemaleGivenNames, 'f'),
  ...entries(usMaleGivenNames, 'm'),
  ...entries(usEitherGivenNames, 'x'),
  ...entries(otherLanguagesGivenNames, 'x'),
]) {
  if (!genders.has(name)) genders.set(name, gender);
}
const ambiguousNames = new Set(entries(ambiguous, 'x').map(([name]) => name));

/** Whether a folded word is a common given name. */
export function isGivenName(folded: string): boolean {
  return genders.has(folded);
}

/** Whether a folded given name is also an ordinary word or a place, so it needs more than a capital to count. */
export function isAmbiguousGivenName(folded: string): boolean {
  return ambiguousNames.has(folded);
}

export function genderOfGivenName(folded: string): NameGender | undefined {
  return genders.get(folded);
}

/** Every given name that is also an ordinary word or a place, folded. */
export function ambiguousGivenNameList(): string[] {
  return [...ambiguousNames];
}

/** Every known given name, folded. */
export function givenNameList(): string[] {
  return [...genders.keys()];
}
