// A deterministic generator of news-like articles for the benchmarks.
//
// Everything comes from the templates and word lists below and a small seeded PRNG (mulberry32): the same
// seed and count always write the same files, and document i is the same whatever the count, so the
// 100-document corpus is the first hundred of the 10,000-document one.
//
// Usage: node dist/generate-corpus.js <folder> <count> [seed] (bench/generate-corpus-cli.ts)

import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mulberry32 } from '../src/corpus/text/random.ts';

// ---------------------------------------------------------------------------------------------------------
// Randomness

export { mulberry32 };

class Rng {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** n distinct items (or all of them when the list is shorter). */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Word lists

const FIRST_NAMES = {
  he: ['Tomas', 'Amir', 'Kenji', 'Lucas', 'Pavel', 'Daniel', 'Olusegun', 'Henrik', 'Rafael', 'Marco', 'Ibrahim', 'Jonas', 'Mateo', 'Viktor', 'Samuel', 'Arjun', 'Felix', 'Andrei', 'Oscar', 'Nikolai', 'Hugo', 'Emeka', 'Stefan', 'Luis', 'Bram', 'Tariq', 'Colin', 'Yusuf', 'Gregor', 'Anton'],
  she: ['Elena', 'Priya', 'Maren', 'Sofia', 'Ingrid', 'Amara', 'Claire', 'Yuki', 'Helena', 'Leila', 'Marta', 'Nadia', 'Grace', 'Astrid', 'Lucia', 'Chiara', 'Fatima', 'Hannah', 'Olga', 'Rosa', 'Signe', 'Aisha', 'Beatriz', 'Katrin', 'Mei', 'Zofia', 'Irene', 'Noor', 'Dagny', 'Teresa'],
} as const;

const SURNAMES = [
  'Halvorsen', 'Okafor', 'Varga', 'Lindqvist', 'Moreau', 'Castellano', 'Nakamura', 'Petrov', 'Brennan', 'Kowalczyk', 'Haddad', 'Ferreira', 'Novak', 'Achterberg', 'Mensah',
  'Rasmussen', 'Duval', 'Okonkwo', 'Sorensen', 'Valdez', 'Whitcombe', 'Ivanova', 'Kaplan', 'Laine', 'Marchetti', 'Oyelaran', 'Pellegrini', 'Quist', 'Romanenko', 'Saarinen',
  'Thorsen', 'Umarov', 'Vasquez', 'Wexler', 'Yilmaz', 'Zeller', 'Abernathy', 'Bianchi', 'Carvalho', 'Dimitrov', 'Eriksen', 'Fontaine', 'Gallagher', 'Holm', 'Iversen',
  'Jablonski', 'Kessler', 'Lachance', 'Mahlangu', 'Nordin', 'Ostrowski', 'Paredes', 'Rautio', 'Strand', 'Tanaka', 'Ueda', 'Vidal', 'Weber', 'Yamada', 'Zamora',
  'Adeyemi', 'Bergstrom', 'Cortez', 'Delacroix', 'Esposito', 'Falk', 'Grimaldi', 'Hakimi', 'Ishikawa', 'Jovanovic', 'Kuznetsov', 'Lemaire', 'Mbeki', 'Navarro', 'Orlov',
];

const COUNTRIES = ['Norland', 'Estovia', 'the Republic of Kaldera', 'Montravia', 'Veloria', 'Sundmark', 'Ardenia', 'Braskova', 'Tiralia', 'Ostmere'];
const ADJECTIVES_OF: Record<string, string> = {
  Norland: 'Norlandic', Estovia: 'Estovian', 'the Republic of Kaldera': 'Kalderan', Montravia: 'Montravian', Veloria: 'Velorian',
  Sundmark: 'Sundmarkish', Ardenia: 'Ardenian', Braskova: 'Braskovan', Tiralia: 'Tiralian', Ostmere: 'Ostmerian',
};
const CITIES = ['Port Edris', 'Valmont', 'Kessing', 'Arlow', 'New Tamsin', 'Brevik', 'Calder Bay', 'Oskarstad', 'Mirefield', 'Santa Lenora', 'Highgate Falls', 'Dunmore'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_SHORT = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'ten'];

/** Titles that go before a name, and roles that go after it (", the agency's chief economist,"). */
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Finance Minister', 'Energy Minister', 'Health Minister', 'Governor', 'Mayor', 'Senator', 'General', 'Judge', 'Dr.', 'Professor', 'Ambassador'];
const ROLES = [
  'the chief economist at {org}', 'a spokesperson for {org}', 'the director of {org}', 'a senior analyst at {org}', 'the head of {org}', 'a researcher at {org}',
  "{country}'s deputy minister of transport", "{country}'s new ambassador to the {bloc}", 'a former adviser to the prime minister', 'the chair of the parliamentary budget committee',
  'a professor of public policy at the University of {city}', 'the mayor of {city}', 'a union organiser in {city}', 'an independent energy consultant',
];
const BLOCS = ['Northern Alliance', 'Continental Union', 'Atlantic Council of States', 'Coastal Trade Pact'];

interface Org {
  name: string;
  acronym: string | null;
  it: string;
}
const ORGANISATIONS: Org[] = [
  { name: 'International Grid Authority', acronym: 'IGA', it: 'the agency' },
  { name: 'Federal Water Board', acronym: 'FWB', it: 'the board' },
  { name: 'Continental Health Organisation', acronym: 'CHO', it: 'the organisation' },
  { name: 'National Statistics Office', acronym: 'NSO', it: 'the office' },
  { name: 'Harbour Freight Consortium', acronym: null, it: 'the company' },
  { name: 'Brightwater Energy', acronym: null, it: 'the company' },
  { name: 'Meridian Rail', acronym: null, it: 'the company' },
  { name: 'Institute for Fiscal Research', acronym: 'IFR', it: 'the institute' },
  { name: 'Coastal Defence Command', acronym: 'CDC', it: 'the military' },
  { name: 'Union of Agricultural Workers', acronym: 'UAW', it: 'the union' },
  { name: 'Central Bank of Norland', acronym: 'CBN', it: 'the bank' },
  { name: 'Open Data Foundation', acronym: 'ODF', it: 'the foundation' },
  { name: 'Solstice Semiconductors', acronym: null, it: 'the company' },
  { name: 'Ministry of Transport', acronym: null, it: 'the ministry' },
  { name: 'Council for Climate Adaptation', acronym: 'CCA', it: 'the council' },
  { name: 'Arlow Port Authority', acronym: 'APA', it: 'the authority' },
];
const GROUPS = ['residents', 'farmers', 'opposition lawmakers', 'union leaders', 'local officials', 'economists', 'diplomats', 'health workers', 'analysts', 'investors'];
const PUBLICATIONS = ['The Daily Ledger', 'Northern Courier', 'The Evening Standard-Post', 'Harbour Times', 'The Continental Review', 'Valmont Gazette', 'The Economic Observer', 'Morning Herald'];

const SPEECH_VERBS = ['said', 'told reporters', 'added', 'warned', 'argued', 'insisted', 'claimed', 'explained', 'noted', 'stressed', 'acknowledged', 'conceded', 'suggested', 'predicted', 'wrote', 'declared', 'cautioned', 'maintained'];
const REPORTING_VERBS_THAT = ['said', 'told lawmakers', 'argued', 'warned', 'insisted', 'claimed', 'wrote', 'acknowledged', 'suggested', 'believes', 'signalled', 'confirmed'];

interface Topic {
  name: string;
  nouns: string[];
  things: string[];
  actions: string[];
  outcomes: string[];
  heading: string[];
}
const TOPICS: Topic[] = [
  {
    name: 'energy',
    nouns: ['the grid', 'the new pipeline', 'the wind farm', 'electricity prices', 'the reactor', 'the power line', 'the gas storage site'],
    things: ['renewable capacity', 'winter demand', 'fuel subsidies', 'the price cap', 'transmission upgrades', 'battery storage'],
    actions: ['approved funding for', 'delayed the opening of', 'announced an inquiry into', 'cut the budget for', 'signed a contract for', 'suspended work on'],
    outcomes: ['bills will rise again next winter', 'the outage was caused by ageing equipment', 'the project is three years behind schedule', 'demand has never been higher', 'the shortfall can be covered by imports'],
    heading: ['The price of power', 'A grid under strain', 'Winter plans', 'Who pays for the upgrade'],
  },
  {
    name: 'water',
    nouns: ['the reservoir', 'the river', 'the treatment plant', 'the dam', 'the aquifer', 'the flood barrier'],
    things: ['drought restrictions', 'water quality', 'irrigation quotas', 'flood defences', 'leak repairs', 'the sewage network'],
    actions: ['lifted restrictions on', 'opened an investigation into', 'raised the levy for', 'finished repairs on', 'closed access to', 'doubled spending on'],
    outcomes: ['levels are the lowest in a decade', 'the contamination has been contained', 'farmers will receive compensation', 'the barrier held during the storm', 'rationing could last until autumn'],
    heading: ['A dry summer', 'After the flood', 'The cost of leaks', 'Farmers and quotas'],
  },
  {
    name: 'transport',
    nouns: ['the rail line', 'the airport', 'the harbour', 'the bridge', 'the tram network', 'the motorway'],
    things: ['ticket prices', 'freight volumes', 'night services', 'the timetable', 'road tolls', 'electric buses'],
    actions: ['reopened', 'postponed the expansion of', 'privatised', 'renamed', 'announced new rules for', 'froze fares on'],
    outcomes: ['delays have fallen by a third', 'the strike will continue next week', 'passenger numbers have recovered', 'the tolls will pay for maintenance', 'the bridge must close for repairs'],
    heading: ['Trains and tolls', 'The harbour expansion', 'Commuters wait', 'A bridge too old'],
  },
  {
    name: 'health',
    nouns: ['the hospital', 'the clinic', 'the vaccine programme', 'the emergency ward', 'the medical school', 'the screening centre'],
    things: ['waiting lists', 'nurse salaries', 'drug prices', 'the outbreak', 'rural clinics', 'mental health services'],
    actions: ['expanded', 'halted recruitment for', 'launched a review of', 'increased funding for', 'merged', 'reopened'],
    outcomes: ['waiting times have doubled since the spring', 'the outbreak is under control', 'staff shortages are the main problem', 'the new wing will open next year', 'prices must come down'],
    heading: ['Waiting lists', 'The outbreak', 'Nurses and pay', 'A clinic reopens'],
  },
  {
    name: 'trade',
    nouns: ['the trade agreement', 'the tariff', 'the export ban', 'the customs union', 'the free port', 'the steel quota'],
    things: ['grain exports', 'import duties', 'the currency', 'supply chains', 'foreign investment', 'shipping costs'],
    actions: ['renegotiated', 'imposed new duties on', 'lifted the ban on', 'challenged', 'extended', 'abandoned'],
    outcomes: ['exports fell for the fourth month in a row', 'the tariffs will hurt consumers most', 'the deal protects local jobs', 'investment is returning', 'talks could collapse within weeks'],
    heading: ['Tariffs and talks', 'Exports fall', 'The new agreement', 'What consumers pay'],
  },
  {
    name: 'technology',
    nouns: ['the data centre', 'the chip factory', 'the satellite network', 'the digital identity scheme', 'the research lab', 'the broadband rollout'],
    things: ['privacy rules', 'chip supplies', 'cyber attacks', 'online voting', 'artificial intelligence', 'rural broadband'],
    actions: ['unveiled', 'paused', 'opened a consultation on', 'invested heavily in', 'banned', 'tested'],
    outcomes: ['the breach affected two million accounts', 'the factory will employ four thousand people', 'the rules are too vague', 'the rollout is ahead of schedule', 'the system is not ready'],
    heading: ['The chip factory', 'After the breach', 'Rules for machines', 'Broadband for all'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// People and sources

interface Person {
  first: string;
  last: string;
  pronoun: 'he' | 'she';
  title: string | null;
  role: string;
}

/** A fixed pool of people, so that the same names recur across documents as they would in real news. */
function peoplePool(): Person[] {
  const rng = new Rng(mulberry32(20250904));
  const people: Person[] = [];
  const seen = new Set<string>();
  while (people.length < 600) {
    const pronoun = rng.chance(0.5) ? 'he' : 'she';
    const first = rng.pick(FIRST_NAMES[pronoun]);
    const last = rng.pick(SURNAMES);
    if (seen.has(`${first} ${last}`)) continue;
    seen.add(`${first} ${last}`);
    const org = rng.pick(ORGANISATIONS);
    const role = rng
      .pick(ROLES)
      .replace('{org}', `the ${org.name}`.replace(/^the (Brightwater|Meridian|Solstice|Harbour|Arlow|Central)/, '$1'))
      .replace('{country}', rng.pick(COUNTRIES).replace(/^the /, ''))
      .replace('{bloc}', rng.pick(BLOCS))
      .replace('{city}', rng.pick(CITIES));
    people.push({ first, last, pronoun, title: rng.chance(0.45) ? rng.pick(TITLES) : null, role });
  }
  return people;
}
const PEOPLE = peoplePool();

// ---------------------------------------------------------------------------------------------------------
// Dates

interface Day {
  y: number;
  m: number;
  d: number;
}
const toDate = (x: Day) => new Date(Date.UTC(x.y, x.m - 1, x.d));
const fromDate = (t: Date): Day => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
const addDays = (x: Day, n: number): Day => fromDate(new Date(toDate(x).getTime() + n * 86_400_000));
const weekday = (x: Day) => WEEKDAYS[(toDate(x).getUTCDay() + 6) % 7] as string;
const iso = (x: Day) => `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;

/** An explicit date in one of the ways newspapers write them. */
function writeDate(rng: Rng, x: Day, withYear: boolean): string {
  const month = MONTHS[x.m - 1] as string;
  switch (rng.int(0, 4)) {
    case 0:
      return withYear ? `${month} ${x.d}, ${x.y}` : `${month} ${x.d}`;
    case 1:
      return withYear ? `${x.d} ${month} ${x.y}` : `${x.d} ${month}`;
    case 2:
      return withYear ? `${MONTHS_SHORT[x.m - 1]} ${x.d}, ${x.y}` : `${MONTHS_SHORT[x.m - 1]} ${x.d}`;
    case 3:
      return withYear ? iso(x) : `${month} ${x.d}`;
    default:
      return withYear ? `${weekday(x)}, ${month} ${x.d}, ${x.y}` : `${weekday(x)}, ${month} ${x.d}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The article

interface Speaker {
  /** Full first mention ("Finance Minister Elena Varga", "the International Grid Authority (IGA)"). */
  first: string;
  /** Later mentions ("Ms Varga", "Varga", "the IGA"). */
  later: string[];
  pronoun: 'he' | 'she' | 'it' | 'they';
  /** "the company", "the agency": organisations refer to themselves so. */
  it?: string;
  introduced: boolean;
}

function personSpeaker(rng: Rng, p: Person): Speaker {
  const full = `${p.first} ${p.last}`;
  const first = p.title && rng.chance(0.6) ? `${p.title} ${full}` : rng.chance(0.5) ? `${full}, ${p.role},` : `${full}`;
  const honorific = p.title === 'Dr.' ? 'Dr.' : p.title === 'Professor' ? 'Professor' : p.pronoun === 'he' ? 'Mr' : 'Ms';
  return { first, later: [p.last, `${honorific} ${p.last}`, p.last], pronoun: p.pronoun, introduced: false };
}

function orgSpeaker(org: Org): Speaker {
  const name = /^(Brightwater|Meridian|Solstice|Harbour)/.test(org.name) ? org.name : `the ${org.name}`;
  const first = org.acronym ? `${name} (${org.acronym})` : name;
  const later = org.acronym ? [`the ${org.acronym}`, name] : [name, org.it];
  return { first, later, pronoun: 'it', it: org.it, introduced: false };
}

function groupSpeaker(rng: Rng): Speaker {
  const g = `${rng.pick(GROUPS)} in ${rng.pick(CITIES)}`;
  return { first: g.charAt(0).toUpperCase() + g.slice(1), later: [`the ${g.split(' in ')[0]}`], pronoun: 'they', introduced: false };
}

/** The name to use now: the full form the first time, a short one after. */
function nameOf(rng: Rng, s: Speaker, start: boolean): string {
  const text = s.introduced ? rng.pick(s.later) : s.first;
  s.introduced = true;
  return start ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
/** A subject for a sentence; drops a trailing comma of an appositive when it ends a clause. */
const bare = (name: string) => name.replace(/,$/, '');

class Article {
  readonly rng: Rng;
  readonly topic: Topic;
  readonly published: Day;
  readonly country: string;
  readonly city: string;
  readonly speakers: Speaker[];
  /** The date last mentioned, for "the day before", "three days later". */
  anchor: Day;
  private lastSpeaker: Speaker | null = null;

  constructor(seed: number) {
    this.rng = new Rng(mulberry32(seed));
    const rng = this.rng;
    this.topic = rng.pick(TOPICS);
    this.published = { y: rng.int(2015, 2025), m: rng.int(1, 12), d: rng.int(1, 28) };
    this.anchor = this.published;
    this.country = rng.pick(COUNTRIES);
    this.city = rng.pick(CITIES);
    // Distinct surnames inside one article, so "Ms Varga" is never ambiguous.
    const chosen = rng.sample(PEOPLE, 8).filter((p, i, all) => all.findIndex((q) => q.last === p.last) === i);
    const people = chosen.slice(0, rng.int(2, 5)).map((p) => personSpeaker(rng, p));
    const orgs = rng.sample(ORGANISATIONS, rng.int(1, 2)).map(orgSpeaker);
    this.speakers = [...people, ...orgs, ...(rng.chance(0.4) ? [groupSpeaker(rng)] : [])];
  }

  speaker(): Speaker {
    // Mostly the same few voices, as in a real article.
    const s = this.lastSpeaker && this.rng.chance(0.25) ? this.lastSpeaker : this.rng.pick(this.speakers);
    this.lastSpeaker = s;
    return s;
  }

  /** A factual clause for the topic. */
  clause(): string {
    const r = this.rng;
    const t = this.topic;
    switch (r.int(0, 3)) {
      case 0:
        return `the government ${r.pick(t.actions)} ${r.pick(t.nouns)}`;
      case 1:
        return r.pick(t.outcomes);
      case 2:
        return `${r.pick(t.things)} will decide the next election in ${this.country}`;
      default:
        return `${r.pick(t.nouns)} near ${this.city} ${r.pick(['is', 'was', 'will be'])} ${r.pick(['a test for the coalition', 'over budget', 'the largest of its kind', 'a matter of national security', 'at risk'])}`;
    }
  }

  /** Words someone might say, one to three sentences. */
  quoteText(sentences = this.rng.int(1, 3)): string {
    const r = this.rng;
    const t = this.topic;
    const lines = [
      () => `We cannot wait another year for ${r.pick(t.nouns)}.`,
      () => `${cap(r.pick(t.things))} is not a luxury, it is a necessity.`,
      () => `Nobody told us that ${r.pick(t.outcomes)}.`,
      () => `This is the most serious problem we have faced in a generation.`,
      () => `I have spoken to the families in ${this.city}, and they are angry.`,
      () => `The figures speak for themselves: ${r.pick(t.outcomes)}.`,
      () => `If we do nothing, ${r.pick(t.outcomes)}.`,
      () => `We expect a decision on ${r.pick(t.things)} before the end of the month.`,
      () => `It is simply not true that ${r.pick(t.outcomes)}.`,
      () => `Our members are ready to negotiate, but not at any price.`,
      () => `Mr. Speaker, the U.S. model will not work here.`,
      () => `The plan costs $${r.int(2, 90)}.${r.int(1, 9)} billion and nobody knows who will pay.`,
      () => `Is this really the best ${this.country.replace(/^the /, '')} can do?`,
    ];
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) out.push(r.pick(lines)());
    return out.join(' ');
  }

  /** A direct quote, in one of the shapes journalists use. */
  directQuote(): string {
    const r = this.rng;
    const s = this.speaker();
    const verb = r.pick(SPEECH_VERBS.filter((v) => v !== 'wrote' || r.chance(0.3)));
    const text = this.quoteText();
    const body = text.replace(/[.?!]$/, '');
    const end = /\?$/.test(text) ? '?' : ',';
    switch (r.int(0, 5)) {
      case 0: // post-attribution
        return `"${body}${end}" ${nameOf(r, s, false)} ${verb}.`;
      case 1: // pre-attribution with a colon
        return `${nameOf(r, s, true)} ${verb}: "${text}"`;
      case 2: {
        // split quote
        const [a, ...rest] = this.quoteText(2).split(/(?<=[.?!]) /);
        const first = (a ?? '').replace(/[.?!]$/, '');
        return `"${first}," ${nameOf(r, s, false)} ${verb}, "${rest.join(' ') || 'and that is all I will say.'}"`;
      }
      case 3: // verb before the name
        return `"${body}," ${r.pick(['said', 'says', 'added'])} ${bare(nameOf(r, s, false))}.`;
      case 4: {
        // pronoun follow-up
        const name = nameOf(r, s, true);
        const lead = `${name} ${verb} that ${this.clause()}.`;
        const pron = s.pronoun === 'it' ? (s.it ?? 'it') : s.pronoun;
        return `${lead} "${body}${end}" ${pron} ${r.pick(['added', 'said', 'continued', 'went on'])}.`;
      }
      default: // curly quotes and a sentence that contains a dollar amount
        return `\u201C${text}\u201D ${verb === 'wrote' ? 'said' : verb} ${nameOf(r, s, false)} ${r.pick(['in an interview', 'at a press conference', 'on the radio', 'in a statement'])}.`;
    }
  }

  indirectQuote(): string {
    const r = this.rng;
    const s = this.speaker();
    switch (r.int(0, 3)) {
      case 0:
        return `${nameOf(r, s, true)} ${r.pick(REPORTING_VERBS_THAT)} that ${this.clause()}.`;
      case 1:
        return `${cap(this.clause())}, according to ${bare(nameOf(r, s, false))}.`;
      case 2:
        return `${nameOf(r, s, true)} told the ${r.pick(PUBLICATIONS).replace(/^The /, '')} that ${this.clause()}.`;
      default:
        return `In a statement, ${nameOf(r, s, false)} ${r.pick(['said', 'warned', 'claimed'])} ${this.clause()}.`;
    }
  }

  /** A sentence with a date in it, in one of many forms; moves the anchor for relative dates. */
  datedSentence(): string {
    const r = this.rng;
    const t = this.topic;
    const what = () => `${r.pick(['the government', 'the council', 'officials', 'the regulator', 'the committee'])} ${r.pick(t.actions)} ${r.pick(t.nouns)}`;
    const form = r.int(0, 9);
    switch (form) {
      case 0: {
        const day = addDays(this.published, -r.int(3, 400));
        this.anchor = day;
        return `On ${writeDate(r, day, true)}, ${what()}.`;
      }
      case 1: {
        const back = r.int(1, 6);
        const day = addDays(this.published, -back);
        this.anchor = day;
        return `On ${weekday(day)}, ${what()}.`;
      }
      case 2:
        this.anchor = addDays(this.published, -1);
        return `Yesterday, ${what()}, ${r.pick(['officials said', 'the ministry confirmed', 'according to local media'])}.`;
      case 3: {
        const m = r.int(1, 12);
        this.anchor = { y: m <= this.published.m ? this.published.y : this.published.y - 1, m, d: 1 };
        return `In ${MONTHS[m - 1]}, ${what()}.`;
      }
      case 4: {
        const y = r.int(1960, this.published.y - 1);
        this.anchor = { y, m: 1, d: 1 };
        return `In ${y}, ${what()} for the first time.`;
      }
      case 5: {
        const n = r.int(0, NUMBER_WORDS.length - 1);
        const later = r.chance(0.5);
        this.anchor = addDays(this.anchor, (later ? 1 : -1) * [2, 3, 4, 5, 6, 7, 10][n]!);
        return `${cap(NUMBER_WORDS[n] as string)} days ${later ? 'later' : 'earlier'}, ${what()}.`;
      }
      case 6:
        this.anchor = addDays(this.anchor, -1);
        return `The day before, ${what()}.`;
      case 7: {
        const m = r.int(1, 12);
        return `Throughout ${MONTHS[m - 1]}, ${r.pick(t.things)} ${r.pick(['dominated the debate', 'were discussed in parliament', 'kept rising'])}.`;
      }
      case 8: {
        const day = addDays(this.published, r.int(2, 40));
        return `The committee will meet again on ${writeDate(r, day, false)} to ${r.pick(['vote on', 'review', 'discuss'])} ${r.pick(t.things)}.`;
      }
      default:
        this.anchor = this.published;
        return `Today, ${what()}.`;
    }
  }

  /** Author's own prose: context, numbers, no quotes. */
  narrative(): string {
    const r = this.rng;
    const t = this.topic;
    const shapes = [
      () => `${cap(r.pick(t.nouns))} has been at the centre of the debate in ${this.country} for months.`,
      () => `Critics point out that ${r.pick(t.things)} ${r.pick(['have', 'has'])} been neglected for years.`,
      () => `The U.S. and several neighbours are watching closely.`,
      () => `About ${r.int(12, 95)} percent of households in ${this.city} are affected.`,
      () => `The ${ADJECTIVES_OF[this.country] ?? 'national'} parliament is expected to debate ${r.pick(t.things)} next month.`,
      () => `${cap(this.clause())}.`,
      () => `The cost is estimated at $${r.int(1, 40)}.${r.int(1, 9)} billion, or about ${r.int(2, 9)} percent of the budget.`,
      () => `Few people outside ${this.city} had heard of ${r.pick(t.nouns)} before this year.`,
    ];
    return r.pick(shapes)();
  }

  paragraph(): string {
    const r = this.rng;
    const parts: string[] = [];
    const n = r.int(2, 5);
    for (let i = 0; i < n; i++) {
      const kind = r.float();
      if (kind < 0.3) parts.push(this.directQuote());
      else if (kind < 0.5) parts.push(this.indirectQuote());
      else if (kind < 0.72) parts.push(this.datedSentence());
      else parts.push(this.narrative());
    }
    return parts.join(' ');
  }

  /** A quoted passage from another publication: an introducing line, a citation line, the passage, the author again. */
  blockQuote(markdown: boolean): string[] {
    const r = this.rng;
    const pub = r.pick(PUBLICATIONS);
    const when = r.pick(['yesterday', 'on Monday', 'last week', 'this morning', `in ${MONTHS[this.published.m - 1]}`]);
    const intro = r.pick([`As ${pub} reported ${when}:`, `${pub} wrote ${when}:`, `An editorial in ${pub} put it this way:`, `In an op-ed for ${pub}, a former minister argued:`]);
    const headline = `${cap(r.pick(this.topic.things))} ${r.pick(['Divides', 'Tests', 'Worries', 'Splits'])} ${r.pick(['Lawmakers', 'the Coalition', 'Voters', 'Investors'])} in ${this.city}`;
    const passage = [this.narrative() + ' ' + this.datedSentence() + ' ' + this.narrative(), this.narrative() + ' ' + this.indirectQuote()];
    const resume = r.pick([
      `I do not share that view. ${this.narrative()}`,
      `Is that really the whole story? ${this.narrative()}`,
      `That assessment is too optimistic. ${this.narrative()}`,
    ]);
    if (markdown) return [intro, passage.map((p) => `> ${p}`).join('\n>\n') + `\n>\n> \u2014 ${pub}`, resume];
    const cite = r.chance(0.5) ? `${headline} ( archived) - ${pub}` : `${headline} - ${pub}`;
    return [intro, cite, ...passage, ...(r.chance(0.3) ? ['...'] : []), resume];
  }

  /** Sections of paragraphs: the body of the article. */
  sections(markdown: boolean): Array<{ heading: string; paragraphs: string[] }> {
    const r = this.rng;
    const headings = r.sample(this.topic.heading, 4);
    const count = r.int(2, 4);
    const out: Array<{ heading: string; paragraphs: string[] }> = [];
    for (let s = 0; s < count; s++) {
      const paragraphs: string[] = [];
      const n = r.int(3, 6);
      for (let p = 0; p < n; p++) paragraphs.push(this.paragraph());
      if (r.chance(0.35)) paragraphs.splice(r.int(1, paragraphs.length - 1), 0, ...this.blockQuote(markdown));
      out.push({ heading: headings[s] ?? `Part ${s + 1}`, paragraphs });
    }
    return out;
  }

  title(): string {
    const r = this.rng;
    return `${cap(r.pick(this.topic.nouns).replace(/^the /, ''))} ${r.pick(['row deepens', 'plan approved', 'faces delays', 'divides coalition', 'under review', 'costs rise'])} in ${this.city}`;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One article's file name and text. */
export function generateArticle(index: number, seed = 1): { file: string; text: string } {
  const a = new Article((seed * 1_000_003 + index * 7919) >>> 0);
  const markdown = a.rng.chance(0.3);
  const title = a.title();
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  const file = `${String(index).padStart(5, '0')}-${slug}.${markdown ? 'md' : 'txt'}`;
  const lead = a.paragraph();
  const sections = a.sections(markdown);
  if (markdown) {
    const author = `${a.rng.pick([...FIRST_NAMES.he, ...FIRST_NAMES.she])} ${a.rng.pick(SURNAMES)}`;
    const front = ['---', `title: "${title}"`, `date: ${iso(a.published)}`, `author: ${author}`, `source: ${a.rng.pick(PUBLICATIONS)}`, '---', ''];
    const body = [`# ${title}`, '', lead, ''];
    for (const s of sections) body.push(`## ${s.heading}`, '', ...s.paragraphs.flatMap((p) => [p, '']));
    return { file, text: [...front, ...body].join('\n') };
  }
  // Plain text: a date line first (in one of several forms), then one paragraph per line.
  const dateLine = a.rng.pick([
    () => `${MONTHS[a.published.m - 1]} ${a.published.d}, ${a.published.y}`,
    () => `${a.published.d} ${MONTHS[a.published.m - 1]} ${a.published.y}`,
    () => iso(a.published),
  ])();
  const lines = [dateLine, ...(a.rng.chance(0.5) ? [`Title: ${title}`] : []), lead];
  for (const s of sections) lines.push(...s.paragraphs);
  return { file, text: `${lines.join('\n')}\n` };
}

/** Writes `count` articles into `dir` (emptied first). Returns the total bytes written. */
export async function generateCorpus(dir: string, count: number, seed = 1): Promise<{ files: number; bytes: number }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { file, text } = generateArticle(i, seed);
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, file), text);
  }
  return { files: count, bytes };
}
