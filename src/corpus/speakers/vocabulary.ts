// Word lists the speaker rules share. They describe English news prose in general, not one article.

/** Words that make a capitalised run a title or role rather than part of a name. */
export const ROLE_WORDS = new Set(
  `mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister premier chancellor secretary
  secretary-general general-secretary senator sen rep representative congressman congresswoman governor gov mayor general gen
  admiral adm colonel col captain capt lieutenant lt sergeant sgt commander cmdr chief judge justice king queen prince
  princess pope ambassador envoy spokesman spokeswoman spokesperson ceo cfo coo cto chairman chairwoman chair director
  commissioner speaker leader deputy former foreign defense defence interior finance health economy trade head founder
  co-founder editor rabbi father sheikh emir sultan attorney counsel officer official analyst expert adviser advisor
  economist strategist researcher professor lecturer correspondent reporter columnist author writer executive
  commander-in-chief chief-of-staff staff minister-president first lady mp mep mk president-elect acting interim
  then-president then secretary-of-state state affairs security national war councillor cllr councilman councilwoman
  councilmember alderman alderwoman assemblyman assemblywoman delegate del trustee superintendent sheriff magistrate
  coach manager captain-elect rev reverend bishop imam pastor cardinal archbishop
  meteorologist scientist historian activist lawyer doctor nurse teacher student resident worker engineer journalist
  photographer pilot witness survivor volunteer organiser organizer campaigner protester owner shopkeeper businessman
  businesswoman entrepreneur investor banker architect artist musician actor actress striker goalkeeper midfielder
  referee priest nun monk surgeon physician psychologist sociologist biologist geologist veteran mother daughter wife
  husband neighbour neighbor colleague pensioner nominee candidate challenger incumbent presidential vice-presidential
  gubernatorial mayoral senatorial parliamentary pollster consultant`.split(/\s+/),
);

/** Role words that only qualify a title ("National Security Adviser", "Foreign Minister"): a title never ends in one. */
export const ROLE_MODIFIERS = new Set(
  'national foreign former defense defence interior finance health economy trade state affairs security war acting interim then vice first presidential vice-presidential gubernatorial mayoral senatorial parliamentary'.split(' '),
);

/** Heads that mark an organisation (or a publication) rather than a person. */
export const ORG_WORDS = new Set(
  `ministry service services institute institution agency company corporation corp inc ltd llc plc gmbh group council
  commission committee bank fund university college school center centre foundation association union party army navy
  forces force police department office bureau court parliament congress senate government administration times post
  journal news herald tribune guardian economist telegraph gazette review magazine press reuters bloomberg network channel
  television tv radio media kremlin pentagon organization organisation authority board federation alliance coalition
  movement club team industries airlines motors systems technologies labs laboratory observatory monitor watch
  cabinet assembly duma commission nato un eu fsb cia fbi kgb ministry-of command headquarters house daily weekly
  broadcasting corporation publishing press-agency tass interfax ap afp ria novosti fc afc cf sc`.split(/\s+/),
);

/** Plural or collective nouns that speak as a group ("Ukrainian media", "officials"). */
export const GROUP_NOUNS = new Set(
  `media officials analysts experts sources authorities critics residents witnesses lawmakers legislators diplomats
  researchers scientists economists investors activists protesters observers commentators prosecutors investigators
  police doctors historians leaders ministers generals commanders officers soldiers troops reporters journalists
  insiders aides advisers advisors negotiators voters polls surveys reports documents people groups organisations
  organizations agencies unions companies firms charities ngos campaigners scholars students teachers workers`.split(/\s+/),
);

/** Heads of definite descriptions that refer back to a named speaker ("the company", "the Russian military"). */
export const DESCRIPTION_ORG_NOUNS = new Set(
  `company firm ministry military agency government army group organisation organization service department office
  institute bank court council commission committee administration kremlin startup manufacturer producer maker
  operator regulator newspaper paper outlet magazine broadcaster network channel publication report study party club
  team union league federation charity hospital airline school university museum campaign police`.split(/\s+/),
);
/** Heads of names that say what kind of body they are ("Deutsche Bank", "Leeds University"). */
export const TELLING_HEADS = new Set(
  'bank ministry university college school court party club army navy police hospital church council committee commission parliament senate congress museum union newspaper agency department'.split(' '),
);

/** Descriptions that say exactly what kind of body they mean (unlike "the military" or "the government"). */
export const SPECIFIC_DESCRIPTIONS = new Set('club team bank university college school hospital church museum newspaper paper party union airline court'.split(' '));

export const DESCRIPTION_PERSON_NOUNS = new Set(
  `president minister spokesman spokeswoman spokesperson official expert analyst ambassador envoy chancellor premier
  general commander leader chief executive chairman chairwoman director senator governor mayor professor researcher
  author writer economist adviser advisor diplomat lawyer nominee candidate challenger incumbent coach manager captain
  attorney`.split(/\s+/),
);

/** Plural nouns that name an institution speaking as one ("Police said", "Prosecutors allege"): speakers of their own. */
export const INSTITUTION_NOUNS = new Set(['police', 'prosecutors', 'authorities', 'firefighters', 'paramedics', 'coastguard']);

/** Lower-case particles inside personal names ("Ursula von der Leyen", "van Klaveren", "José Eduardo dos Santos"). */
export const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'dos', 'das', 'y']);
/** The same particles, for regular expressions. */
export const NAME_PARTICLE = `(?:${[...NAME_PARTICLES].join('|')})`;

/** Lower-case words that join the words of one name ("Bank of England", "Secretary for Defence", "Charles de Gaulle"). */
export const NAME_CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'de']);

/** Arabic and French particles written joined to the name ("al-Sharif", "el-Sisi", "d'Estaing"). */
export const JOINED_PARTICLE = String.raw`(?:(?:al|el|ad|ar|as|ash|at|az|abu|bin|ibn|d|l)[-'’])`;

/** Capitalised words that begin sentences or phrases without being names. */
export const LEADING_FUNCTION_WORDS = new Set(
  `the a an as but and so yet when while then also however meanwhile instead according in on at last this that these
  those if although though because since after before during for from with without by to of or nor it its his her their
  our my your we i he she they there here what which who whom whose where why how not no yes all some many most few
  several both each every another such even still just only now today yesterday tomorrow once again
  having being unlike like despite amid everything everyone everybody nothing nobody someone something`.split(/\s+/),
);

/** Finite forms of verbs that report speech or writing. */
export const SPEECH_VERBS = new Set(
  `said says say told tells claimed claims argued argues wrote writes warned warns insisted insists added adds stated
  states explained explains noted notes reported reports asserted asserts announced announces signaled signalled signals
  suggested suggests acknowledged acknowledges admitted admits denied denies maintained maintains predicted predicts
  stressed stresses emphasised emphasized emphasises emphasizes confirmed confirms declared declares alleged alleges
  contended contends revealed reveals observed observes remarked remarks replied replies responded responds recalled
  recalls conceded concedes estimated estimates promised promises complained complains countered counters cautioned
  cautions tweeted tweets testified testifies concluded concludes disclosed discloses indicated indicates boasted boasts
  bragged brags quipped quips joked jokes exclaimed exclaims shouted shouts yelled yells scoffed scoffs mused muses
  pleaded pleads lamented laments retorted retorts snapped whispered whispers muttered mutters`.split(/\s+/),
);

/** Pieces of writing or speech that carry what someone said ("a White House statement", "an op-ed in …"). */
export const PIECE_NOUNS = [
  'piece', 'article', 'report', 'op-ed', 'editorial', 'story', 'column', 'interview', 'essay', 'analysis', 'paper', 'post',
  'investigation', 'feature', 'briefing', 'study', 'survey', 'newsletter', 'blog post', 'statement', 'memo',
];

/** Speech verbs that name their hearer before the clause ("told reporters that", "warned investors that"). */
export const TELL_VERBS = new Set(
  'told tells warned warns assured assures informed informs reminded reminds promised promises cautioned cautions advised advises convinced notified urged urges'.split(' '),
);

/** Speech verbs that are also common plural nouns ("reports", "claims"): only after a name or pronoun. */
export const NOUN_LIKE_VERBS = new Set(
  'reports notes states signals claims promises counters estimates remarks replies posts tweets'.split(' '),
);

/** Speech verbs as participles after a clause ("Clinton attacked Trump, saying he would …"): the clause's subject speaks. */
export const SPEECH_PARTICIPLES = new Set(
  'saying adding noting arguing insisting explaining warning claiming declaring stating writing asserting stressing'.split(' '),
);

/** Multi-word reporting phrases ("put it", "pointed out"). */
export const SPEECH_PHRASES = ['put it', 'puts it', 'pointed out', 'points out', 'went on', 'goes on'];

export const PRONOUNS: Record<string, 'person' | 'organisation' | 'group'> = {
  he: 'person',
  she: 'person',
  it: 'organisation',
  they: 'group',
};

/** The names of the days and months, in full ("Monday", "September"): words that capitalise without naming anyone. */
export const DAY_OR_MONTH = String.raw`(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)`;
/** The same, or abbreviated as news writes them ("Sept.", "Thu", "Wed."). */
export const DAY_OR_MONTH_SHORT = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\.?`;
