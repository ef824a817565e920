// More family names than those of the forum's own countries (familyNames.ts): the commonest family names of the
// United States (after the Census Bureau's surname counts), the UK and Ireland, Germany, Austria and Switzerland, the
// Netherlands and Belgium, the Nordic and Baltic countries, France, Spain, Portugal and Latin America, Italy, Central
// and South-Eastern Europe, Greece, Turkey, Russia, Ukraine, Armenia and Georgia, China, Japan, Korea, South Asia,
// the Middle East and Africa. Names that are also English, French or German words ("White", "King", "Winter") were
// left out when the list was drawn up, against the SCOWL English word lists and French and German word-frequency
// lists: a capitalised word before one of those is as often a title's.

export const widerFamilyNames = `
  gray washington shaw greene sims austin franklin lawson carr montgomery williamson mccoy howell morrison hansen
  harvey burton stanley george jacobs reid gilbert garrett frazier hanson bowman fowler brewer pearson holland
  douglas fleming jensen byrd davidson hopkins terry soto walters curtis neal caldwell lowe jennings barnett horton
  shelton barrett sutton gregory mckinney craig rodriquez fletcher bates rhodes pena beck newman haynes mcdaniel
  mendez vaughn dawson santiago norris steele schultz barker keller chandler leonard lyons ramsey wolfe mullins
  benson bowen daniel cummings hines baldwin griffith valdez hubbard salazar reeves warner stevenson burgess santos
  garner mack thornton dennis mcgee vega glover harmon rodgers robbins todd blair higgins ingram reese strickland
  townsend goodwin walton rowe hampton patton swanson joseph francis goodman maldonado yates erickson hodges rios
  conner adkins webster norman malone hammond cobb blake maxwell floyd osborne paul guerrero lindsey estrada sandoval
  gibbs tyler fitzgerald sherman saunders alvarado greer padilla simon ballard schwartz mcbride houston christensen
  pratt briggs mclaughlin zimmerman buchanan moran copeland pittman brady mccormick holloway brock poole logan owen
  drake wong jefferson morton abbott patrick norton clayton massey lloyd figueroa carson bowers roberson barton
  harrington casey boone cortez clarke mathis singleton wilkins cain bryan underwood hogan mckenzie collier luna
  phelps mcguire allison wilkerson nash atkins wilcox pitts conley marquez burnett richard cochran davenport ayala
  sawyer dickerson hodge acosta flynn espinoza nicholson monroe morrow kirk randall anthony whitaker skinner kirby
  huffman bradford charles gilmore oneal bruce kramer hancock gaines shaffer wiggins mathews mcclain melton hensley
  dyer cameron contreras christian wyatt baxter mosley larsen hoover beasley glenn petersen whitehead meyers keith
  vincent olsen schroeder hartman woodard kemp deleon calhoun wiley eaton cline harrell lester humphrey parrish duran
  hutchinson hess dorsey bullock robles dalton avila vance blackwell york johns blankenship trevino salinas campos
  pruitt moses callahan montoya hardin guerra mcdowell carey stafford gallegos henson wilkinson booker merritt
  miranda atkinson orr decker hobbs preston knox pacheco stephenson rojas hickman english sweeney mcclure conway
  walter roth maynard farrell lowery hurst nixon trujillo ellison sloan juarez mclean randolph leon villarreal mccall
  carrillo kent ayers lara shannon sexton velasquez chang foley bartlett mercado landry durham barr mckee bauer
  everett bradshaw pugh velez estes dodson morse sheppard camacho barron livingston middleton blevins kerr mcconnell
  hatfield harding ashley solis herman giles blackburn william pennington woodward finley mcintosh solomon mccullough
  dudley nolan rivas brennan mejia kane benton joyce buckley haley maddox mcknight mcmillan crosby berg dotson mays
  chan richmond faulkner kline barry ochoa jacobson avery hendricks horne shepard cardenas mcintyre whitney waller
  holman donaldson cantu terrell gillespie fuentes tillman sanford bentley salas rollins dickson santana cabrera
  cervantes howe hinton hurley spence zamora yang mcneil gould mcfarland sampson carver rosario macdonald hester
  melendez dillon farley galloway potts bernard joyner stein aguirre osborn mercer franco rowland sykes benjamin
  travis pickett mayo dunlap hayden mckay coffey mccarty ewing cooley vaughan bonner ferrell cantrell fulton lynn
  lott calderon pollard hooper burch mullen david odonnell michael britt frederick daugherty berger dillard alston
  jarvis frye riggs chaney odom duffy fitzpatrick valenzuela merrill mayer alford mcpherson acevedo donovan barrera
  albert reilly compton raymond mooney mcgowan cleveland clemons wynn nielsen baird stanton rosales witt stuart
  holden rutledge kinney clements castaneda slater hahn emerson conrad burks delaney lancaster tyson sharpe whitfield
  talley macias irwin burris ratliff mccray kaufman goff bolton mcfadden levine byers kirkland kidd carney dale
  mcleod holcomb burt hendrix sosa haney sargent nieves rasmussen hewitt lindsay valencia oneil delacruz vinson
  dejesus hyde forbes gilliam guthrie wooten huber barlow boyle mcmahon buckner rocha puckett langley knowles cooke
  velazquez whitley noel vang hofmann schmitz meier schmid schulze maier köhler herrmann könig kaiser fuchs scholz
  möller schubert vogel friedrich günther winkler lorenz baumann franke albrecht schuster ludwig böhm kraus
  schumacher vogt jäger otto sommer seidel heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn pohl
  engel busch bergmann voigt wolff pfeiffer gruber steiner moser wimmer egger brunner lechner eder wieser baumgartner
  bachmann gerber widmer kunz meili de-jong jansen de-vries van-den-berg van-dijk bakker janssen visser smit meijer
  de-boer mulder de-groot bos hendriks van-leeuwen dekker brouwer de-wit dijkstra smits de-graaf van-der-meer
  van-der-linden kok de-haan vermeulen van-den-heuvel van-der-veen van-den-broek de-bruijn de-bruin van-der-heijden
  schouten van-beek willems van-vliet van-de-ven hoekstra maas verhoeven koster van-dam van-der-wal prins blom
  huisman peeters maes claes goossens wouters de-smet martens johansen andersen pedersen nilsen kristiansen karlsen
  johnsen pettersen eriksen haugen hagen johannessen andreassen jacobsen dahl halvorsen henriksen lund sørensen
  jakobsen moen gundersen iversen solberg svendsen eide knutsen martinsen paulsen bakken kristoffersen mathisen
  amundsen lunde kristensen poulsen madsen thomsen mortensen frederiksen laursen jørgensen johansson andersson
  karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson jonsson jansson hansson bengtsson
  lindberg jakobsson magnusson lindström olofsson lindqvist lindgren axelsson bergström lundberg lind lundgren
  lundqvist mattsson berglund fredriksson sandberg henriksson forsberg sjöberg wallin engström eklund danielsson
  lundin håkansson björk bergman gunnarsson holm wikström samuelsson isaksson fransson bergqvist nyström holmberg
  arvidsson löfgren söderberg nyberg blomqvist claesson nordström korhonen virtanen mäkinen nieminen mäkelä
  hämäläinen heikkinen koskinen järvinen lehtonen lehtinen saarinen salminen heinonen niemi heikkilä kinnunen salonen
  turunen salo laitinen tuominen rantanen karjalainen jokinen mattila savolainen lahtinen ahonen sigurðsson
  guðmundsson ólafsson einarsson kristjánsson stefánsson jóhannsson jónsdóttir sigurðardóttir guðmundsdóttir
  gunnarsdóttir ólafsdóttir tamm saar sepp mägi kask kukk rebane ilves pärn koppel kalnins ozols berzins jansons
  kazlauskas jankauskas petrauskas stankevicius robert francois nicolas gerard jean dumas brunet leroux renard aubert
  gaillard philippe olivier da-silva louis guillot le-gall guillaume adam rey lecomte menard fleury deschamps julien
  paris maillard marchal aubry vasseur le-roux renault jacquet prevost charpentier royer huet dupuy pons breton remy
  perrot guyot marty gil rubio sanz garrido cortés lozano cano prieto calvo gallego carrasco diez caballero nieto
  pascual herrero lorenzo montero hidalgo giménez ibáñez ferrer benítez mora vicente carmona crespo sáez velasco moya
  soler parra esteban gallardo sousa ferreira pereira oliveira rodrigues martins jesus gomes alves almeida ribeiro
  pinto carvalho teixeira moreira correia mendes nunes soares vieira monteiro cardoso neves coelho cunha pires reis
  simões antunes matos fonseca machado araújo barbosa tavares lourenço figueiredo azevedo freitas de-luca martini
  leone longo martinelli vitale lombardo serra coppola de-santis d'angelo marchetti parisi ferraro ferri fabbri
  bianco marini grasso valentini messina sala de-angelis gatti pellegrini palumbo sanna farina rizzi monti cattaneo
  morelli amato silvestri mazza testa grassi pellegrino giuliani benedetti barone rossetti caputo montanari palmieri
  bernardi martino fiore de-rosa ferretti bellini basile riva donati piras vitali battaglia sartori neri costantini
  milani pagano ruggiero sorrentino d'amico orlando damico negri wojciechowski kaczmarek zając król wieczorek
  jabłoński wróbel majewski olszewski stępień malinowski jaworski adamczyk dudek nowicki pawlak górski witkowski
  walczak sikora baran rutkowski michalak szewczyk ostrowski tomaszewski pietrzak zalewski wróblewski nowáková novák
  svoboda novotný dvořák černý procházka kučera veselý horák němec marek pokorný pospíšil hájek jelínek král růžička
  beneš fiala sedláček doležal zeman kolář navrátil čermák vaněk blažek kříž kovács szabó tóth nagy horváth varga
  molnár németh farkas balogh papp takács juhász lakatos mészáros oláh rácz fekete szilágyi török fehér balázs kis
  szűcs kocsis orsós pintér fodor szalai sipos magyar lukács gulyás biró király katona lászló jakab bogdán balog
  sándor boros fazekas kelemen antal orosz somogyi fülöp veres budai vincze hegedűs deák bálint illés vass szőke
  fábián vörös lengyel bognár bodnár jónás hajdu halász székely gáspár kozma pásztor bakos dudás virág orbán barna
  soós tamás nemes pataki balla faragó kerekes borbély barta szekeres csonka mezei márton sárközi berki márkus
  nyitrai horvat kovačević babić marić jurić kovačić knežević vuković marković petrović matić tomić pavlović božić
  blažević grgić pavić radić perić kovač šarić lovrić vidović popović nikolić jovanović đorđević ilić stanković
  stojanović kranjc zupančič potočnik mlakar kos vidmar golob turk bizjak kralj zupan bezjak hribar kastelic oblak
  petek žagar popescu ionescu popa radu dumitru stan stoica gheorghe matei ciobanu constantin mocanu rusu munteanu
  papadopoulos papadakis papanikolaou georgiou dimitriou ioannou nikolaou konstantinou christodoulou vasileiou
  athanasiou pappas karagiannis oikonomou makris alexiou antoniou yılmaz kaya demir şahin çelik yıldız yıldırım
  öztürk aydın özdemir arslan doğan kılıç aslan çetin kara koç kurt özkan şimşek polat özcan korkmaz ivanov smirnov
  kuznetsov popov vasiliev petrov sokolov mikhailov novikov fedorov morozov volkov alekseev lebedev semenov egorov
  pavlov kozlov stepanov nikolaev orlov andreev makarov nikitin zakharov zaitsev solovyov borisov yakovlev grigoriev
  romanov vorobyov sergeev kuzmin frolov aleksandrov dmitriev korolev gusev kiselev ilyin maksimov polyakov sorokin
  vinogradov kovalev belov medvedev antonov tarasov zhukov baranov filippov komarov davydov belyaev gerasimov
  bogdanov osipov sidorov matveev titov marchenko kovalenko bondarenko shevchenko kravchenko tkachenko boyko
  kovalchuk oliynyk shevchuk polishchuk bondar tkachuk lysenko rudenko savchenko petrenko hovhannisyan harutyunyan
  sargsyan khachatryan grigoryan petrosyan beridze kapanadze gelashvili maisuradze huang zhao zhou zhu guo gao luo
  zheng liang xie han feng deng cao peng zeng xiao tian dong yuan cai jiang cheng wei ding ren shen yao cui zhong
  leung lau cheung tsang yeung lam tse kwok sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi
  kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto
  yamashita ishikawa nakajima maeda fujita ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki
  fujii nishimura fukuda ota miura takeuchi nakano okamoto matsuda harada nakagawa choi kang cho yoon jang lim seo
  kwon hwang ahn yoo hong jeon bae baek heo nam sim noh kwak cha joo koo ryu jin eom chae cheon kong hyun byun yeom
  yeo chu seok yeon pyo myung geum yook maeng tak kook sharma kumar gupta shah mehta joshi reddy rao iyer nair menon
  pillai banerjee chatterjee mukherjee ghosh sen dutta chowdhury ali rahman hossain islam akhtar qureshi siddiqui
  malik iqbal chaudhry mirza sheikh hassan ibrahim mohamed abdullah mahmoud mustafa salem khoury nasser saleh youssef
  farah aziz karimi hosseini ahmadi mohammadi rezaei moradi jafari ghorbani kazemi levi mizrahi peretz biton friedman
  katz azoulay okafor okeke eze nwosu adeyemi adebayo okonkwo ogunleye mensah owusu boateng asante osei appiah kamara
  mwangi otieno kamau ochieng wanjiru njoroge kariuki nkosi dlamini ndlovu khumalo mokoena mahlangu
`;
