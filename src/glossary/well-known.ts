// Well-known regions and events of international news, beside the countries and capitals of
// exonyms.ts and matched the same way (by grouping key, within a language family): the Far East
// and the Middle East, the world wars, the Cold War, Victory Day. Their names are mostly common
// words, so that capitalisation and spelling alone neither find them whole nor join them across
// languages (`Daleki istok` / `Orientul Îndepărtat` / `Далечниот Исток` / `Fjernøsten`), and their
// English names are what every translator reads.
//
// Each concept lists the base forms (nominative; Macedonian also the definite form that names
// these as a rule, `Втората светска војна`, whose key is not the indefinite one's) as each
// language's dictionaries and style guides write them, capitals as they are. A language is left
// out where it writes the name in lower case (Danish `anden verdenskrig`, `den kolde krig`;
// Slovene `druga svetovna vojna`, `hladna vojna`, `dan zmage`), since a lower-case name is never a
// candidate, or where the form was not certain. Lower-case words are part of a form and must be
// lower case in the text too (`Daleki istok`, Romanian `al Doilea Război Mondial`).
//
// `type` is what the concept is in the glossary: regions are places; events are `other`.

import type { Exonym } from './exonyms.ts';

const hbs = (...forms: string[]): Exonym['forms'] => ({ hr: forms, bs: forms, sr: forms });

/** Regions: typed `place`. */
export const REGIONS: readonly Exonym[] = [
  {
    id: 'far-east',
    type: 'place',
    forms: { en: ['Far East'], da: ['Fjernøsten'], ro: ['Orientul Îndepărtat'], sl: ['Daljni vzhod'], ...hbs('Daleki istok'), mk: ['Далечен Исток', 'Далечниот Исток'] },
  },
  {
    id: 'middle-east',
    type: 'place',
    forms: { en: ['Middle East'], da: ['Mellemøsten'], ro: ['Orientul Mijlociu'], sl: ['Bližnji vzhod'], ...hbs('Bliski istok'), mk: ['Блиски Исток', 'Блискиот Исток'] },
  },
];

/** Events: typed `other`. */
export const EVENTS: readonly Exonym[] = [
  {
    id: 'world-war-i',
    type: 'other',
    forms: {
      en: ['World War I', 'First World War'],
      ro: ['Primul Război Mondial'],
      hr: ['Prvi svjetski rat'],
      bs: ['Prvi svjetski rat'],
      sr: ['Prvi svetski rat'],
      mk: ['Прва светска војна', 'Првата светска војна'],
    },
  },
  {
    id: 'world-war-ii',
    type: 'other',
    forms: {
      en: ['World War II', 'Second World War'],
      ro: ['al Doilea Război Mondial'],
      hr: ['Drugi svjetski rat'],
      bs: ['Drugi svjetski rat'],
      sr: ['Drugi svetski rat'],
      mk: ['Втора светска војна', 'Втората светска војна'],
    },
  },
  {
    id: 'cold-war',
    type: 'other',
    forms: { en: ['Cold War'], ro: ['Războiul Rece'], ...hbs('Hladni rat'), mk: ['Студена војна', 'Студената војна'] },
  },
  {
    id: 'victory-day',
    type: 'other',
    // Romanian declines inside the name (genitive `Zilei Victoriei`): listed after the base form.
    forms: { en: ['Victory Day'], ro: ['Ziua Victoriei', 'Zilei Victoriei'], hr: ['Dan pobjede'], bs: ['Dan pobjede'], sr: ['Dan pobede'], mk: ['Ден на победата'] },
  },
];
