// More given names than those of the forum's own countries (givenNames.ts), so that a name from elsewhere is known
// too: the given names borne by 10,000 or more people born in the United States since 1930 (the Social Security
// Administration's public counts of first names), with the gender they are mostly given to, and the common given
// names of some thirty other languages — Nordic, Dutch, German, Czech and Slovak, Polish, Hungarian, South Slavic,
// Romanian, Bulgarian, Russian and Ukrainian, Greek, Turkish, Portuguese, Spanish, Italian, Arabic, Persian, Hebrew,
// South Asian, Chinese, Japanese, Korean, South-East Asian, African, Irish and Welsh — whatever their gender.
// Names that are also English, French or German words ("Hope", "Grant", "Mette"), places or shorter than three
// letters were left out when the lists were drawn up, against the SCOWL English word lists and French and German
// word-frequency lists: alone, such a word would make a sentence into a person.

export const usFemaleGivenNames = `
  aaliyah abbie abbigail abby ada adaline adalyn adalynn addie addison addyson adela adelaide adelina adeline adelyn
  adelynn adrianna adrianne adrienne agnes aida aileen aimee ainsley alaia alaina alana alani alanna alaya alayah
  alayna alberta aleah alecia aleena alejandra alena alexa alexandria alexia alexus alia alicia alina alisa alisha
  alissa alivia aliya aliyah aliza alma alondra alora althea alycia alyson amalia amara amaya amira amirah amiyah
  amya anahi anastasia anaya angelia angelica angelina angeline angelique angie anika anissa anita aniya aniyah
  annabel annabella annalise annamarie annemarie annette annie annika annmarie ansley antoinette antonia anya
  arabella araceli arely ariah arianna ariella arielle ariyah arleen arlene arya ashanti ashlee ashleigh ashlie ashly
  ashlyn ashlynn astrid athena aubree aubrie audra aurelia aurora averie ayana ayanna ayla aylin bailee baylee becky
  belen belinda benita bernadine bernice bertha bessie beth betsy bette bettie bettye beulah beverley bianca blakely
  blanca bobbi bonita brandi brandie breana breanna breanne brenna bria briana brianne bridget bridgett bridgette
  briella brielle brinley britney brittani brittney brooklynn bryanna brylee brynlee brynn caitlyn cali callie
  camilla candice cara cari carina carissa carlee carlene carley carlie carly carmela carmella carole carolina
  carolyn carrie caryn casandra cassandra cassidy cassie cataleya cathleen cathryn cathy catrina cayla cecelia
  cecilia celeste celia celina chana chandra chanel chantel charlee charlene charli charmaine chasity chaya chelsey
  chelsie cheri cherie cheyanne christa christi christiana christie christin christy chrystal ciera cierra cindy
  clare clarice clarissa claudette coleen colleen consuelo cora cori corina cornelia corrine cynthia dahlia daleyza
  dalia damaris danette dani danica daniella danika danna daphne dara darla davina dayana dayna deana deann deanna
  deanne debbie debora deena deidra deidre deirdre deja delaney delia delilah della delores deloris demetria dena
  denice desirae desiree diann dianna dianne dina dionne dixie dona dora doreen dorothea dorthy dulce earlene earline
  earnestine edith edwina effie eileen elaina eliana elianna elinor elisabeth elissa eliza ella ellen elliana eloise
  elsa elsie elva elvira elyse emelia emely emersyn emilee emmy ericka erin erma ernestine esmeralda esperanza essie
  estella ester estrella etta eugenia eula eunice evangeline evelynn everleigh everly fallon fannie farrah fay faye
  felecia felicia felicity francine freda gayla gayle gena georgette georgina gertrude gia giana gina giselle
  gisselle giuliana glenda glenna goldie gracelyn gracelynn gracie graciela gretchen gwen hadley hailee haleigh halle
  hallie hana harper hattie haylee hayley haylie heidi helena henrietta hilary hilda hillary hollie ida ila ilene
  iliana imani imogene ina inez irma isabela isis itzel iva ivette izabella jacklyn jaclyn jacquelyn jada jaelyn
  jaimie jaliyah jami jana janae janel janell janelle janessa janette janice janie janine janis janiya janiyah janna
  jaqueline jasmin jayda jayla jaylah jayleen jaylene jayne jazlyn jazmin jazmine jeanie jeanine jeannette jeannie
  jeannine jena jenifer jennie jeri jerri jillian jimena joann jodi jodie joelle johanna jolene joni jordyn josefina
  joselyn josie joslyn juana judi juliana julianna julianne juliet julieta julissa justina justine kaci kacie kaelyn
  kaia kaila kailani kailee kailey kailyn kaitlin kaitlynn kaleigh kaley kali kaliyah kallie kamila kara kari karin
  karina karissa karla karlee karli karlie karly karyn kassandra kassidy katelynn katharine katheryn kathi kathie
  kathrine katina katlyn katrina katy kaya kaydence kaye kaylani kaylie kaylin kaylyn kaylynn keely kehlani keira
  kelli kellie kelsi kelsie kendra kenia kenna kennedi kennedy kenzie keri kerri khloe kiana kiara kiera kierra
  kiersten kiley kimber kimberlee kimberley kinley kinsley kira kirsten kori kourtney krista kristal kristi kristie
  kristine kristy krystal krystle kyla kylee kyleigh kylie kyra lacey lacie ladonna laila lainey lakeisha lakisha
  lana laney lara larissa latasha latisha latonya lauri laurie lauryn lavonne lawanda layla leann leanna leanne
  leeann leia leigh leilani lela lenora lenore leola leona lesa lesly leticia lexi lexie leyla lia liana libby lidia
  lila lilah lilia lilian lilith lilliana lillie lilly liz liza lizbeth lizette lizzie londyn lora lorelei lorene
  lorie lorna lorraine lorrie lottie louisa luann luciana lucinda luella luisa lula luna luz lyla lynda lyndsey
  lynette lynne lynnette mabel mable macey maci macie macy madalyn maddison madelyn madelynn madilyn madilynn madisyn
  madyson mae maeve maggie maia makenna makenzie malia malinda maliyah mallory mamie mandi mandy mara maranda
  marcella marci marcie marcy maren margarita margie margo marguerite mariah marianna marianne maribel maricela
  mariela marilynn marisa marisela marisol marissa maritza marla marlee marlena marquita maryam maryann maryanne
  marybeth maryellen maryjane marylou mattie maura maureen mavis maxine maya mayra mckayla mckenna mckenzie meagan
  meaghan meghan melany melba melina melinda melisa melodie meredith micaela michaela michele mikaela mikayla
  milagros milani miley millie mina mindy minerva minnie mira miranda miriam mitzi mollie mona moriah myah myla myra
  myrna myrtle nadine nanette natalee nataly nayeli nelda nellie nettie neva nevaeh nia nichole nicolette nikki nita
  noelle noemi nola norah noreen nyla nylah octavia ola olga ophelia paislee paisley paloma pam patrice patsy patti
  paulette penelope perla piper polly priscilla racheal rachelle rae raegan raelyn raelynn raina ramona randi rayna
  reba rebeca rebekah regina reina rena renae renata renee reyna rhea rhoda robyn rochelle ronda rosalie rosalind
  rosalinda rosalyn rosanna rosanne roseann roselyn rosemarie rosetta rosie roslyn roxana roxanna roxanne ruthie
  ryann rylee ryleigh rylie sade sadie saige sallie samara sandi sarai sasha saundra savanna saylor selah selena
  selina shaina shana shania shanna shantel shari sharlene sharon sharron shauna shawna shayla shayna sheena shelia
  shelley sheree sheri sherri sherrie sheryl siena skyla sloane sondra sonja staci stacie stella stephany susana
  susanna susie suzette sybil tabatha talia tamara tameka tamera tami tamia tamika tammi tammie tamra tania tanisha
  taryn tasha tatiana tatyana teri terra terri terrie tess tessa thalia thea theresa tia tiana tianna tierra tiffani
  toni tonia tori traci tracie tricia trina trisha trista trudy tyra valarie valencia velma verna vicky vivian
  viviana vivienne wendi willa winifred winnie wynter xiomara yadira yareli yaretzi yasmin yesenia zara zaria zariah
  zelda zoie zuri
`;

export const usMaleGivenNames = `
  abel abraham abram adan aden adolfo adonis adriel agustin ahmad aidan alden aldo alec alex alfonso alfred alfredo
  alijah allan alonso alonzo alphonso alton amir amos anderson andy angelo anton antony antwan arjun arlo armand
  armando aron arturo asa asher atticus augustus ayden barrett bart beckett beckham benito bennett benny benson
  bentley bernardo bert blaine blake bodhi bowen boyd braden bradford brady braeden branden brantley braxton brayan
  braydon braylen braylon brendan brenden brendon brennan brenton bret brett brice brock brodie brody bronson bryant
  bryce brycen bryon bryson burton byron cade caden caiden camron carlo carlton carmelo carmine carter cason cayden
  cesar chadwick chaim chaz clark clayton clifton clint cohen colby cole coleman collin colten conner conrad corbin
  cordell cornelius cornell cortez cory cristian cristopher cruz cullen cyrus dalton damian damion damon dane dante
  daren dario darius darrel darrin darryl darwin daryl dave davin davion davis dawson dax daxton deandre deangelo
  delbert demarcus demetrius denny denzel deon derick deshawn desmond devonte dewayne dewey dexter dillon dion
  domingo dominic dominick dominik donnell donny donovan donte doug doyle drake dwight edgar edison edmond edmund
  eduardo efrain elbert eldon elian elias eliseo elton elvin elvis elwood emanuel emil emiliano emilio emmitt erich
  erick erik ernesto ernie ervin erwin esteban ezekiel ezequiel ezra fabian felipe fidel finn finnegan fletcher
  forrest francis freddy frederick fredrick galen garrett garry geoffrey gerardo gideon gilberto gino gonzalo grady
  greg greyson griffin grover guillermo gunnar gus gustavo hal hank harlan harris harrison hayes hendrix heriberto
  herman holden homer horace hubert hugh humberto irvin irving isaiah isaias isiah ismael issac izaiah jacoby jadon
  jairo jakob jalen jamar jamari jamel jameson jamison jaquan jarod jaron jarrett jarrod jarvis jase jasper javon jax
  jaxson jaxton jayce jayceon jaylon jayson jefferson jeffry jerald jeremiah jermaine jess jett jim joesph johan
  johnathon jonathon josue jovan judah jude judson julio julius kade kaden kaiden kaleb kamden kane kareem karson
  kasen kash kason kayson keaton keegan keenan kellan kellen kelvin kendrick kenny kent kenton kermit khalil kian
  kieran killian kingston knox kobe kody kolton kory kristopher kurtis kylan kyler lamont lawson layton leland
  leonardo leonel lester louie lowell loyd lucian luciano luka luther lyle maddox malachi malakai marcel marcelo
  marlin marquis marquise mathew mathias matias mauricio maximiliano maximus maxwell mekhi merlin messiah milo misael
  mitchel mohammad moises monty moses moshe murray myles myron nash nasir nathanael nathanial neal ned nehemiah
  nickolas nico niko nikolai nikolas noe norbert norris octavio odin omari orion orville osvaldo otis otto paxton
  percy pete phil quintin quinton raiden ramiro randal rashad reggie reid rex reynaldo rhett rick rickey rigoberto
  robby rocco roderick rodger rodrigo rogelio rohan rolando romeo ron ronan ronny roosevelt roscoe royce rudolph
  rufus russel ryker ryland salvador samson sanford santino santos saul scot scotty shaun sheldon shelton sherman
  silas solomon sonny soren stephan stetson stewart sullivan sylvester teddy terence terrell tevin thaddeus theodore
  theron thiago thurman timmy titus tomas trent trevon trey triston truman tucker tyree tyrell ulises ulysses uriah
  uriel valentino vance vaughn vince virgil vito wallace waylon weston wilbert wilbur wiley wilfred willis wilson
  winston woodrow xander yahir yosef yusuf zachariah zachery zackary zackery zaiden zander zane zayden zayn zayne
  zechariah
`;

/** Given to both: less than nine in ten of either gender. */
export const usEitherGivenNames = `
  amani amari arden ari ariel armani ashton aubrey augustine avery azariah bailey baylor bennie billie blair bobbie
  braelyn briar callan campbell camryn carey carroll cary casey chandler channing charley chris cleo collins cortney
  dannie darby darcy darian darien dee devan deven devin devon devyn dorian eden elisha elliott ellis emerson emery
  emory frankie gerry gianni harley harlow hayden hollis jackie jaden jadyn jaiden jaycee jaylen jaylin jayme jensen
  jessie jewell johnie johnnie jordon kacey kadence kalani kamari kameron kamryn karol karsyn karter kasey kayden
  keagan kelley kendal kendall kerry kim kirby kolby korey kris kristian kyrie landry landyn lashawn lavern laverne
  layne leighton lennon lennox loren lou lupe lynn marley marlo marty mckinley merle mickey monroe murphy nakia
  nikita noa noel oakley odell ollie ora palmer payton peyton presley quincy quinn reagan reece reese regan remington
  remy rickie robbie robbin rory rosario rowan rowen rylan sammie santana scottie shay shayne shea shiloh skye skyler
  sloan stevie sutton tatum tayler teagan tommie tory tristen tristin zaire zion
`;

export const otherLanguagesGivenNames = `
  aafke aarav aart abdelaziz abdelhak abdellah abdelmalek abderrahmane abdul abdullah abebe abeni abimbola achim
  adebayo adekunle adeola adewale aditi aditya adnan adriaan afonso agata agnese agus ahlam ahmet aibek aidana ailbhe
  ailsa aino aisling ajay akash akemi aki akiko akira akram aksel aladár albrecht aleksandar aleksander aleksandr
  aleksei aleksi alessio alexandros alexandru alexei alexey alf alicja alla almas almaz alun alžběta amadi amal
  amedeo aminah amit amita amparo amra anand anas anastasios anastasiya anatoly andreea andrei andrej andrey andrás
  angelika angeliki anh aniela anikó anil anjali anke ankit anne-marie annemieke anong anouk antoni antonios antti
  antía anupam anwar aoibheann apostolos arash arben ardalan arend arif arjen arkady arman armin arnar arne artem
  arthit arto artyom arun asel asger asha ashok asif aslan asmaa aster asuka athanasios atsushi attila avi avraham
  aya ayaka ayelet ayesha ayman ayo ayodele aysel ayten ayu ayumi ayşe azadeh aziz babak bachir badr bahar bahram
  bakyt balázs bambang baraka barbora bartłomiej barış basma bassem bastian behnaz behrouz bekzod bence benedikt
  bente berk bernhard besa bethan bhavna bich birgitte birna biruk bjarne bjørn blanka blerim bodil bogdan boglárka
  bogumiła bohumil bohuslav bojan bola bolat bongani boonmee bora boris borut botond bouchra božena božo brahim brais
  bram branko bregje brigid britt bruna bryn bríd budi burak béla caio camilo candela carlota carsten casper catarina
  cathal catriona cayetana cees cem cemil cerys cesare cezary chaeyoung chafik chaiya chang charalambos chen cheng
  chiaki chiamaka chidinma chie chihiro chinedu chinonso christiane christoffer christoph christos chrysa chukwudi
  chun chunhua colm conall concepción concetta constantin cormac cristiano cristóbal csaba csilla czesław cătălin
  daan dae-jung dafna dagny daiki daisuke dalibor damir daniele daniyar danuta dao daria dariush dariusz darya dawit
  deepak deepika dejan denisa deniz derya despina detlef devi dewi diederik dietmar dieuwertje dijana dilnoza dimitar
  dimitra dimitrios dimitris dinara dinesh diogo divya dmitri dmitry domenico donal donatella dong-hyun dorin
  dorottya dorthe dragan dragana dražen driss drita duarte dušan eamon eamonn ebba ebere ebru eckhard edin edoardo
  eduarda edyta eero eeva egon eija eimear einar eino eirik eitan ekaterina ekene eko eleni eleonora eleri elfriede
  elham elif elin elina eline elira eliška elke elma els elísabet elżbieta emanuela emese emi emina emine emre emrys
  enda endang endre enikő enrico eri erzsébet esa eskil espen esra eszter ettore eun-ji eunji evangelia evangelos
  evert evgenia evgeny ewelina eyal fabiana fabrizio fadi fadwa fahad faisal farah farhad farhana fariba faridah
  farzana farzaneh fatemeh fatih fatiha fatmir fawzi fedor fei feliks femke femmy feng fenna ferdinand ferenc fergal
  fiachra filip filipa filipe filomena fionn fitri flavio florencia floris flávia folake fotini franca francisca
  franciszek františek franz franziska frederik freja frida frits frode funke gabriele gaetano galina ganesh gaurav
  geert geeta gennady genowefa gentian georg georgi georgios gerd gerda gergely gerhard gerrit gert gertrud gethin
  ghada ghazal gheorghe giacomo giang giannis gijs gila giorgio girma gita giulio giuseppina gizella gizem glyn
  golnar gonçalo gopal gordana graziella grethe grigory gráinne guang gudmundur guido guilherme gulnara gunther
  guoqiang gustav gwyneth gyula gyöngyi györgy gábor géza göran gösta gül gülşen ha-eun habib habibur hadas hadi
  hae-won hafida haile hajnalka hakan hakim hakon halima halldór hallgrímur halvard hamed hamid hanan hani hanne
  hanneke hannelore hannes hao haoran harald haris harish haroun hartmut haruka haruki haruto hasan haslinda hassane
  hatice hayat heikki heinz helgi helle hendra hendrik henk henning henrik henrique henryk hermann hernán hidde
  hideki hikaru hilde hildegard hildur hina hiroki hiroko hiromi hiroshi hiroto hitomi hong hossein hrvoje hua hui
  hussein huw hyun-woo hyunwoo hülya iago ibtissam ifeoma ignacy igor ikenna ilan ildikó ilham ilir ilker ilkka ilona
  ilse ilya imad iman imran imre indah indira ineke inga inge ingeborg ingo ingvar inmaculada inna ioan ioana ioanna
  ioannis ionuț ipek irena ireneusz irfan irina irén ishaan isidro istván itai itamar iulia ivana ivanka ivar ivica
  iwan jaakko jaap jabari jacek jacinto jadwiga jalal janina janneke jannik janusz jari jarmila jarmo jaroslav
  jaroslava jarosław jasmina jasur javiera jawad jaya jelani jelena jelle jenő jericho jeroen jesper ji-hoon ji-woo
  ji-yeon jiahao jian jiang jiawei jie jihoon jin jin-woo jindřich jing jisoo jitka jiwoo jiyeon jiří joachim joana
  joaquim johann johannes joko jolanta joon-ho joost joris jos josef josefa josip jouni jozef joão judit juha juhani
  jukka juma jun junho junjie junko juraj jure jussi jyoti józsef jørgen kaarel kader kadri kaija kairat kaisa kaito
  kaja kalina kalle kalliopi kamal kamala kamau kamran kana kanya kaori karan karel karsten kartika karzan kashif
  kasper katalin katarina kateřina katharina katja katrine kaveh kavita kayode kazimiera kazimierz kazuki kazuko kees
  kei keiko kemal kemi kenichi kenji kenta kerem kersti khalid khoa kidist kilian kimmo kiran kirill kirsi kittisak
  kiyoshi kjell klara klemen knut koen koji konrad konstantin konstantinos kostas krasimir krishna kristjan
  kristoffer kristóf kristýna krisztina krisztián krystian ksenia kujtim kumar kumiko kwaku kwasi kyoko kyriakos
  kyung-soo kálmán károly ladislav lahcen lajos lakshmi laleh lalita lambros larisa lars lavinia leena lei leif lejla
  lene lenka lennart leonid leopold lestari leszek letizia levente lian liang libor libuše lieke liesbeth liis liisa
  lili lindiwe ling linnea linus lior liora lisbeth lise liv liviu llinos llŷr lorcan loredana lotfi lothar lotte
  luana lucyna ludmila ludwig luigi lutz lyubomir lyudmila lászló maaike maarit macarena maciej madhu magnus mahesh
  mahmoud mahnaz mahsa mair mairead maja majid makena makoto maksim malak malee malene malwina mami mandla manish
  manoj manuela marcela marcell marcello marek margarete margherita margit margrét mariano maricel marieke marija
  marijke mariko marios marit mariusz marja markku marko markéta marloes martijn marwa marzena masahiro masaki masako
  masato mateus matheus mathilda matija matilde matti mattia mattias matěj maurizio mayumi meena mees megumi mehmet
  mehran mei meiling meinir meir mekdes melek meltem merel meron mert merve mhairi michela michiko midori mieczysław
  mieke mihaela mihai miho mihály mika mikael mikhail miki mikkel mikko miklós mikołaj milad milena milica milorad
  miloslav miloš mimoza min-ho min-jun min-seo ming minho minjun minna minoru minseo miodrag mircea mirjana mirko
  miroslav mirosław mirza misaki mitsuko miyuki mizanur mladen mohan mohsen momoko morag morten morteza mosi mouna
  mounir muireann murat murdo musa mykhailo mykola máire márcio naama nada nadav nadezhda nadir naděžda najat najib
  nala nandini naoki naoko nasreen nasrin nasser nataliia natalija natalya nataša natsuki nattapong naveed navid
  nawal nebojša necati neda neha nenad nermin nevena nhung nicola nicolae nicoletta niels nienke nikhil nikola
  nikolaos nikolay nikolett nikos niloufar nils ning niran nisha nizar nkechi nkosana nnamdi nneka noam noelia nomsa
  noor noora noriko noura nuala nuno nurlan nurul nusrat nándor obinna ofer ofra ogechi ognjen oksana oladele olaf
  olamide ole oleg oleksandr oleksii olena oliwia olli omid ondřej orazio oren orhan orla orly ornella orsolya osamu
  oskar osman othmane oussama outi ove ovidiu owain panagiota panagiotis paraskevi parisa parvin pasi pasquale
  patricio patrizia paulo pavel pavla pavlos payam pedram pekka peng pernille petar petr petri petro petros petter
  petya phuc pia piero pieter pietro pim pimchanok ping piret pirkko piroska plamen polina pontus pooja prakash
  pramod predrag priit primož priya putri päivi qiang qing quan quoc quynh rabia rachida radek radka radosław radu
  rafaela raffaele rafik rafiqul ragnar ragnheiður ragnhild rahim rahul raimo raj rajesh rakesh raluca ramesh rami
  randa rashid rasmus ravi reem reiko reinhard rekha remedios renato reza rhodri rhona riad rickard rie riet riikka
  riitta rik rika riku rin rina rodel roel rohit rok rolf romana ronen rong roni roos rosaria rosli rowena roya
  rozhin rozália ruairí rubina rudolf rui rumen ruslan rustam ruud ryo ryota réka róża răzvan růžena saad sabah
  sachiko sachin sadia saeed safae sahar saida saki sakura salah saleh salim samia samuele sana sanaz sander sanja
  sanjay sanna sanne santosh sardor sarit sarita saskia satomi satoshi satu saule sayaka saša seamus seema seija
  selam selim selin selma sem seo-yeon seonaid seoyeon seppo sergei sergey serik serkan seung-hyun sevgi shabana
  shafiqul shahid shahram shahzoda shai shalom shan shanti sharmila shashi sheng shikha shilan shinji shiori shira
  shirin shiva shlomo shmuel shota shreya shu shunsuke sibel sibusiso siegfried sietske sigrid sigríður sigurd
  sigurður silje silke silvio simen sinéad sioned sipho siri siriporn sirpa sita siti siân sjoerd slavko sneha
  snežana snorri soheil soledad solveig somchai somsak sondre soo-jin soojin sora sorin sotiris soufiane soňa
  spyridon spyros sri srđan stanislav stanisława stavros stefania steffen steinar steinunn stig stijn stina stjepan
  stoyan suharto sumaira sune sunee sung-min sungmin sunil sunita supaporn suresh suvi svein svend svetla svetlana
  swati sylwia szabolcs szilvia szymon sándor sławomir tadesse tadhg taeyang tahar taher tahmina takashi takeshi
  takumi tal tam tamar tamás taneli tanja tanvi tao tapio taras tarik tariq tarja taro teemu tendai teodora tereza
  tetsuya teun thabo thanasis thandiwe themba theodora theodoros thijs thor thu thulani tiago tibor tien tigist tiina
  tiit timur tineke tiziana todor tomislav tomoko tomomi tomos toomas tor torben torbjørn torsten toshiko tove triin
  trine trinh trond tsegaye tsubasa tsvetan tuncay tuomas turid tuula tuulikki tuva tuyet tymon tímea uchenna udo ulf
  ulla ulrich ulrik uma umberto uri uroš urszula usha usman ute uxía uyen uzoma vahid valbona valerio valery vandana
  varun vasile vasiliki vasilis vasily veikko velislava venla veronika vesna vibeke viggo vijay vikram viktor
  viktoria vilde vilmos vincenzo vinod viorel vishal vitaly vittoria vitória vladimír vladislav vlasta vojislav
  vojtěch volkan volker volodymyr vyacheslav václav václava väinö vítor wacław wael wafaa wahyu waldemar waltraud
  wanchai wanjiku wanjiru waqas wassim wei weiming werner wiesław wiesława wietske wiktor wilhelm wilhelmina willem
  willi wim wouter wulan władysław władysława włodzimierz xia xiang xiao xiaoling xiaoming xin xinyi xiu xosé xuan
  xue yaa yaakov yael yair yan yang yannis yara yaroslav yasaman yasemin yash yassin yasuko yavuz yehuda yeji yemi
  yerlan yevhen yichen ying yitzhak ylva yohannes yoko yonatan yong yoo-jin yordan yoshiko yoshiro younes young-ho
  youngho yuan yudi yui yuka yuki yukiko yulia yuliia yumi yun yuna yuri yury yusuke yuta yuto yuxuan zainab zanele
  zarina zdeněk zdeňka zdravko zdzisław zehra zenon zeynep zhanna zhen zhi zhiwei zhong ziad zihan zodwa zola zoltán
  zoran zornitsa zoya zsolt zsuzsanna zsófia zubair zulkifli zuzana zuzka zygmunt åse ólafur ömer özlem øyvind úna
  ümit þóra ľubomír łucja štěpán šárka žarko željko
`;
