// Month and weekday names of the languages polyalign reads, with their common inflected
// forms. Ingest uses them to recognise a line that only holds a date; the segmenter uses
// them so that `3. september 2025` or `1. Januar` never ends a sentence after the ordinal.
// Whole words, not stems: a stem like `srp` (Croatian July) would also match `srpski`.

const MONTHS: Record<string, string> = {
  // Bosnian, Serbian (Latin), with genitive/locative endings
  bcs: 'januar januara januaru februar februara februaru mart marta martu april aprila aprilu maj maja maju ' +
    'jun juni juna junu jul juli jula julu august augusta augustu avgust avgusta avgustu ' +
    'septembar septembra septembru oktobar oktobra oktobru novembar novembra novembru decembar decembra decembru',
  hr: 'siječanj siječnja siječnju veljača veljače veljači ožujak ožujka ožujku travanj travnja travnju ' +
    'svibanj svibnja svibnju lipanj lipnja lipnju srpanj srpnja srpnju kolovoz kolovoza kolovozu ' +
    'rujan rujna rujnu listopad listopada listopadu studeni studenoga studenog studenom prosinac prosinca prosincu',
  sl: 'januar januarja februar februarja marec marca april aprila maj maja junij junija julij julija ' +
    'avgust avgusta september septembra oktober oktobra november novembra december decembra',
  ro: 'ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie',
  da: 'januar februar marts april maj juni juli august september oktober november december',
  en: 'january february march april may june july august september october november december',
  mk: 'јануари февруари март април мај јуни јули август септември октомври ноември декември',
  srCyrl: 'јануар јануара фебруар фебруара март марта април априла мај маја јун јуна јул јула ' +
    'август августа септембар септембра октобар октобра новембар новембра децембар децембра',
};

const WEEKDAYS: Record<string, string> = {
  bcs: 'ponedjeljak ponedeljak utorak srijeda sreda srijedu sredu četvrtak petak subota nedjelja nedelja',
  sl: 'ponedeljek torek sreda četrtek petek sobota nedelja',
  ro: 'luni marți marti miercuri joi vineri sâmbătă sambata duminică duminica',
  da: 'mandag tirsdag onsdag torsdag fredag lørdag søndag',
  en: 'monday tuesday wednesday thursday friday saturday sunday',
  mk: 'понеделник вторник среда четврток петок сабота недела',
  srCyrl: 'понедељак уторак среда четвртак петак субота недеља',
};

function wordSet(table: Record<string, string>): ReadonlySet<string> {
  return new Set(Object.values(table).flatMap((words) => words.split(' ')));
}

const MONTH_WORDS = wordSet(MONTHS);
const WEEKDAY_WORDS = wordSet(WEEKDAYS);

/** True when `word` (any case) is a month name, in any of the languages above. */
export function isMonthName(word: string): boolean {
  return MONTH_WORDS.has(word.toLowerCase());
}

/** True when `word` (any case) is a weekday name, in any of the languages above. */
export function isWeekdayName(word: string): boolean {
  return WEEKDAY_WORDS.has(word.toLowerCase());
}
