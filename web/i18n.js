// i18n.js: the page's own words (labels, headings, messages) in Russian, Kazakh and English.
// Only chrome lives here: names of punishments and units, amounts in words and verdict sentences come
// from the library (k.kindLabel, k.unitLabel, k.tengeWords, ctx.sanctionTexts...). No numbers here.
//
// KAZAKH: every 'kk' string below was written by a non-native writer, following the vocabulary of the
// library and the CLI (cli/text_out.c: "Балама жазалар", "Құқықтық негіз", "Сенімділік", "АЕК"...).
// A fluent reader should check all of them before release, in particular: intro, halfCap, halfCapHint,
// orderProcedure, orderProcedureHint, lifted, perDay, omitted, restrictionsHeading, paymentsHeading, pricedBy,
// yearHint, mciHint, hypoBanner, historyIntro, legendNotInForce, equivIntro, equivAxis, footer, linkIgnored, caseLink
// and the error texts.

// The languages this file has the page's texts in, in the order of the page's menu. Not the library's
// list (kzp_lang_name): a language the library gained would still need these texts written first.
// Quantities and money in a language are the library's (k.formatQty, k.moneyStyleOf).
export const LANGS = ['ru', 'kk', 'en'];

const en = {
  docTitle: 'Criminal Code sanctions in numbers: kzpenalty',
  title: 'Criminal Code sanctions in numbers',
  intro:
    'The alternative punishments of an article on an offence date, the fine in tenge, and what the same number ' +
    'of MCI was worth year by year. Every number is computed by the kzpenalty library in your browser. ' +
    'For teaching; not legal advice.',
  lang: 'Language',
  question: 'Question',
  article: 'Article',
  date: 'Offence date',
  dateHint: 'The MCI in force on this day prices the fine.',
  year: 'Or a year',
  yearNone: '(choose)',
  yearHint: "Sets the date to the start of that year's last MCI period, or to the day the article came into force.",
  halfCap: 'Mitigation cap',
  halfCapHint:
    'A mitigating circumstance and no aggravating one. The cap and the article that sets it come from the ' +
    'dataset: the sentences and the legal basis below name them.',
  orderProcedure: 'Order procedure',
  orderProcedureHint:
    'A verdict in the order procedure. Which punishments it allows, and their bounds, come from the dataset: ' +
    'the table below names the rule.',
  mci: 'Hypothetical MCI, tenge (optional)',
  mciHint: 'Leave empty for the MCI set by law. Any value here is a what-if, not law.',
  hypoBanner: 'Hypothetical MCI of {mci} tenge: these numbers are not law.',
  results: 'Alternative punishments (one of)',
  colKind: 'punishment',
  colMin: 'lower bound',
  colMax: 'upper bound',
  noBound: 'none',
  lifted: 'minimum lifted: {rule}',
  boundsNote: 'Under each bound: the rule that sets it, as the library cites it.',
  capped: 'capped; the article: {max}',
  perDay: 'at most {max} a day ({rule})',
  omitted: 'Not available in this procedure: {kinds} ({rule}).',
  restrictionsHeading: 'Who may not receive each punishment',
  paymentsHeading: 'Collected besides the punishment',
  pricedBy: 'How it is priced: {rule}',
  category: 'Category',
  offenceOn: 'Offence date',
  mciUsed: 'MCI on the offence day',
  mciFrom: '{tenge} ₸, in force from {from}',
  mciHypo: '{tenge} ₸, hypothetical',
  certainty: 'Certainty',
  cert: {
    official: 'official text',
    statement: 'statement of a state body',
    unverified: 'unverified',
    hypothetical: 'hypothetical',
  },
  stale: 'Stale: the MCI for this date is not known yet.',
  fineHeading: 'The maximum fine in tenge',
  inFigures: 'In figures',
  inWords: 'In words',
  verdict: 'Wording for a verdict',
  equivHeading: 'How the alternatives compare',
  equivIntro:
    'The Criminal Code sets how units of the alternatives correspond, for the purpose below ' +
    '(its article is listed under Legal basis).',
  equivTitle: 'The maxima of the alternatives in a common measure',
  equivAxis: 'Bar length: the equivalent in MCI of fine.',
  equivOne: 'One unit:',
  colMaxAmount: 'maximum',
  colEquiv: 'equivalent in MCI of fine',
  historyHeading: 'The maximum fine in tenge, year by year',
  historyIntro:
    'The article gives the fine in MCI; its value in tenge follows the MCI of the offence day. ' +
    'Before {date} the article was not in force: for those years the bars show what {max} was worth then.',
  historyTitle: 'The tenge value of the maximum fine for each year of the MCI table',
  historyDesc: '{first}: {firstValue}; {last}: {lastValue}.',
  legendInForce: 'article in force',
  legendNotInForce: 'article not yet in force: the value of {max} that year',
  legendUnverified: '* unverified MCI value',
  legendHypo: 'hypothetical MCI, not law',
  hypoRow: 'what-if',
  colYear: 'year',
  colMciFrom: 'MCI (from)',
  colValue: 'value',
  colStatus: 'article',
  statusInForce: 'in force',
  statusNotInForce: 'not yet in force',
  statusNotPriced: 'not priced by the library',
  showTable: 'The numbers as a table',
  basisHeading: 'Legal basis',
  basisNote:
    "Citations as the dataset records them, in the page's language where it has a translation (notes and sources " +
    'in English), with how sure the dataset is of each.',
  seenIn: 'Seen in',
  footer:
    'Computed in your browser by kzpenalty {library} (WebAssembly); dataset {dataset} {version}, verified on ' +
    '{verified}, fingerprint {fingerprint}; MCI known until {until}. Works offline.',
  loading: 'Loading the library…',
  linkIgnored: 'Some values in the link could not be used, so the page shows its own instead for: {fields}.',
  caseLink: 'This case: {url}',
  err: {
    KZP_E_NOT_IN_FORCE:
      'Article {article} applies to offences committed on or after {inForce}; it was not in force on {date}.',
    KZP_E_MCI_STALE: 'The MCI is known until {until}; the MCI for {date} is not set yet, so the fine cannot be priced.',
    KZP_E_BAD_DATE: 'Not a valid date: enter it as YYYY-MM-DD.',
    KZP_E_BAD_NUMBER: 'Not a valid number: {message}',
    mciWhole: 'The hypothetical MCI must be a whole number of tenge, greater than zero.',
    noDate: 'Enter an offence date or choose a year.',
    load: 'The library could not be loaded: {message}',
    other: 'Error: {message}',
  },
};

const ru = {
  docTitle: 'Санкции Уголовного кодекса в цифрах: kzpenalty',
  title: 'Санкции Уголовного кодекса в цифрах',
  intro:
    'Альтернативные наказания статьи на дату совершения деяния, штраф в тенге и то, сколько стоило одно и то же ' +
    'число МРП в разные годы. Все числа вычисляет библиотека kzpenalty в вашем браузере. ' +
    'Для обучения; не является юридической консультацией.',
  lang: 'Язык',
  question: 'Вопрос',
  article: 'Статья',
  date: 'Дата совершения деяния',
  dateHint: 'Штраф исчисляется по МРП, действующему на этот день.',
  year: 'Или год',
  yearNone: '(выберите)',
  yearHint: 'Подставляет дату начала последнего периода МРП в этом году или день вступления статьи в силу.',
  halfCap: 'Ограничение при смягчающих обстоятельствах',
  halfCapHint:
    'Есть смягчающие и нет отягчающих обстоятельств. Ограничение и статья, которая его устанавливает, ' +
    'берутся из набора данных: их называют формулировки и правовое основание ниже.',
  orderProcedure: 'Приказное производство',
  orderProcedureHint:
    'Приговор в приказном производстве. Какие наказания оно допускает и в каких пределах, берётся из набора ' +
    'данных: норму называет таблица ниже.',
  mci: 'Гипотетический МРП, тенге (необязательно)',
  mciHint: 'Оставьте пустым для МРП, установленного законом. Любое значение здесь — допущение, а не закон.',
  hypoBanner: 'Гипотетический МРП {mci} тенге: эти цифры не являются законом.',
  results: 'Альтернативные виды наказания (одно из)',
  colKind: 'вид наказания',
  colMin: 'нижний предел',
  colMax: 'верхний предел',
  noBound: 'нет',
  lifted: 'минимум не применяется: {rule}',
  boundsNote: 'Под каждым пределом указана норма, которая его устанавливает, так, как её цитирует библиотека.',
  capped: 'с ограничением; по статье: {max}',
  perDay: 'не более {max} в день ({rule})',
  omitted: 'В этом порядке не назначаются: {kinds} ({rule}).',
  restrictionsHeading: 'Кому не назначается каждый вид наказания',
  paymentsHeading: 'Взыскивается помимо наказания',
  pricedBy: 'Как исчисляется: {rule}',
  category: 'Категория',
  offenceOn: 'Дата совершения',
  mciUsed: 'МРП на день совершения',
  mciFrom: '{tenge} ₸, действует с {from}',
  mciHypo: '{tenge} ₸, гипотетический',
  certainty: 'Достоверность',
  cert: {
    official: 'официальный текст',
    statement: 'заявление госоргана',
    unverified: 'не проверено',
    hypothetical: 'гипотетическое значение',
  },
  stale: 'Устарело: МРП на эту дату ещё не известен.',
  fineHeading: 'Максимальный штраф в тенге',
  inFigures: 'Цифрами',
  inWords: 'Прописью',
  verdict: 'Формулировки для приговора',
  equivHeading: 'Соотношение видов наказания',
  equivIntro:
    'Уголовный кодекс устанавливает соответствие единиц видов наказания для случая, указанного ниже ' +
    '(статья указана в правовом основании).',
  equivTitle: 'Максимумы видов наказания в общей мере',
  equivAxis: 'Длина полосы: эквивалент в МРП штрафа.',
  equivOne: 'Одна единица:',
  colMaxAmount: 'максимум',
  colEquiv: 'эквивалент в МРП штрафа',
  historyHeading: 'Максимальный штраф в тенге по годам',
  historyIntro:
    'Статья устанавливает штраф в МРП; сумма в тенге зависит от МРП на день совершения деяния. ' +
    'До {date} статья не действовала: для этих лет полосы показывают, сколько тогда стоили {max}.',
  historyTitle: 'Сумма максимального штрафа в тенге за каждый год таблицы МРП',
  historyDesc: '{first}: {firstValue}; {last}: {lastValue}.',
  legendInForce: 'статья действует',
  legendNotInForce: 'статья ещё не действовала: стоимость {max} в том году',
  legendUnverified: '* значение МРП не проверено',
  legendHypo: 'гипотетический МРП, не закон',
  hypoRow: 'гипот.',
  colYear: 'год',
  colMciFrom: 'МРП (с даты)',
  colValue: 'сумма',
  colStatus: 'статья',
  statusInForce: 'действует',
  statusNotInForce: 'ещё не действовала',
  statusNotPriced: 'библиотека не исчисляет',
  showTable: 'Числа в виде таблицы',
  basisHeading: 'Правовое основание',
  basisNote:
    'Ссылки приводятся так, как они записаны в наборе данных, на языке страницы, если есть перевод ' +
    '(примечания и источники на английском), с указанием достоверности.',
  seenIn: 'Источник',
  footer:
    'Вычислено в вашем браузере библиотекой kzpenalty {library} (WebAssembly); набор данных {dataset} {version}, ' +
    'проверен {verified}, отпечаток {fingerprint}; МРП известен до {until}. Работает без сети.',
  loading: 'Загрузка библиотеки…',
  linkIgnored: 'Некоторые значения из ссылки не подошли, поэтому страница показывает свои для полей: {fields}.',
  caseLink: 'Этот случай: {url}',
  err: {
    KZP_E_NOT_IN_FORCE:
      'Статья {article} применяется к деяниям, совершённым с {inForce}; на {date} она не действовала.',
    KZP_E_MCI_STALE: 'МРП известен до {until}; МРП на {date} ещё не установлен, поэтому штраф исчислить нельзя.',
    KZP_E_BAD_DATE: 'Неверная дата: введите её в виде ГГГГ-ММ-ДД.',
    KZP_E_BAD_NUMBER: 'Неверное число: {message}',
    mciWhole: 'Гипотетический МРП должен быть целым числом тенге больше нуля.',
    noDate: 'Введите дату совершения деяния или выберите год.',
    load: 'Не удалось загрузить библиотеку: {message}',
    other: 'Ошибка: {message}',
  },
};

// Kazakh: to be checked by a fluent reader (see the note at the top of this file).
const kk = {
  docTitle: 'Қылмыстық кодекс санкциялары сандармен: kzpenalty',
  title: 'Қылмыстық кодекс санкциялары сандармен',
  intro:
    'Баптың құқық бұзушылық жасалған күнгі балама жазалары, айыппұлдың теңгедегі сомасы және АЕК-тің бірдей ' +
    'санының әр жылы қанша тұрғаны. Барлық сандарды браузеріңізде kzpenalty кітапханасы есептейді. ' +
    'Оқытуға арналған; заң кеңесі емес.',
  lang: 'Тіл',
  question: 'Сұрақ',
  article: 'Бап',
  date: 'Құқық бұзушылық жасалған күн',
  dateHint: 'Айыппұл осы күні қолданыста болған АЕК бойынша есептеледі.',
  year: 'Немесе жыл',
  yearNone: '(таңдаңыз)',
  yearHint: 'Күнді сол жылғы соңғы АЕК кезеңінің басталған күніне немесе баптың күшіне енген күніне қояды.',
  halfCap: 'Жеңілдететін мән-жайлар кезіндегі шектеу',
  halfCapHint:
    'Жазаны жеңілдететін мән-жайлар бар, ауырлататын мән-жайлар жоқ. Шектеу мен оны белгілейтін бап деректер ' +
    'жинағынан алынады: оларды төмендегі тұжырымдар мен құқықтық негіз атайды.',
  orderProcedure: 'Бұйрықты іс жүргізу',
  orderProcedureHint:
    'Бұйрықты іс жүргізудегі үкім. Ол қандай жазаларға және қандай шектерде жол беретіні деректер жинағынан ' +
    'алынады: нормасын төмендегі кесте атайды.',
  mci: 'Болжамды АЕК, теңге (міндетті емес)',
  mciHint: 'Заңмен белгіленген АЕК үшін бос қалдырыңыз. Мұндағы кез келген мән — болжам, заң емес.',
  hypoBanner: 'Болжамды АЕК {mci} теңге: бұл сандар заң емес.',
  results: 'Балама жазалар (біреуі)',
  colKind: 'жаза түрі',
  colMin: 'төменгі шегі',
  colMax: 'жоғарғы шегі',
  noBound: 'жоқ',
  lifted: 'ең төменгі шек қолданылмайды: {rule}',
  boundsNote: 'Әр шектің астында оны белгілейтін норма кітапхана сілтегендей көрсетілген.',
  capped: 'шектелген; бап бойынша: {max}',
  perDay: 'күніне {max} аспайды ({rule})',
  omitted: 'Бұл тәртіппен тағайындалмайды: {kinds} ({rule}).',
  restrictionsHeading: 'Әр жаза түрі кімге тағайындалмайды',
  paymentsHeading: 'Жазадан бөлек өндіріледі',
  pricedBy: 'Қалай есептеледі: {rule}',
  category: 'Санаты',
  offenceOn: 'Жасалған күні',
  mciUsed: 'Жасалған күнгі АЕК',
  mciFrom: '{tenge} ₸, {from} бастап қолданыста',
  mciHypo: '{tenge} ₸, болжамды',
  certainty: 'Сенімділік',
  cert: {
    official: 'ресми мәтін',
    statement: 'мемлекеттік органның мәлімдемесі',
    unverified: 'тексерілмеген',
    hypothetical: 'болжамды мән',
  },
  stale: 'Ескірген: бұл күнгі АЕК әлі белгісіз.',
  fineHeading: 'Ең жоғары айыппұл теңгемен',
  inFigures: 'Цифрмен',
  inWords: 'Жазбаша',
  verdict: 'Үкімге арналған тұжырымдар',
  equivHeading: 'Жаза түрлерінің арақатынасы',
  equivIntro:
    'Қылмыстық кодекс жаза түрлері бірліктерінің сәйкестігін төменде көрсетілген жағдай үшін белгілейді ' +
    '(бап құқықтық негізде көрсетілген).',
  equivTitle: 'Жаза түрлерінің ең жоғары мөлшерлері ортақ өлшеммен',
  equivAxis: 'Жолақтың ұзындығы: айыппұлдың АЕК-пен баламасы.',
  equivOne: 'Бір бірлік:',
  colMaxAmount: 'ең жоғары мөлшері',
  colEquiv: 'айыппұлдың АЕК-пен баламасы',
  historyHeading: 'Ең жоғары айыппұл теңгемен, жылдар бойынша',
  historyIntro:
    'Бап айыппұлды АЕК-пен белгілейді; оның теңгедегі сомасы құқық бұзушылық жасалған күнгі АЕК-ке байланысты. ' +
    '{date} дейін бап күшінде болмаған: ол жылдар үшін жолақтар {max} сол кезде қанша тұрғанын көрсетеді.',
  historyTitle: 'АЕК кестесінің әр жылы үшін ең жоғары айыппұлдың теңгедегі сомасы',
  historyDesc: '{first}: {firstValue}; {last}: {lastValue}.',
  legendInForce: 'бап күшінде',
  legendNotInForce: 'бап әлі күшіне енбеген: сол жылғы {max} құны',
  legendUnverified: '* АЕК мәні тексерілмеген',
  legendHypo: 'болжамды АЕК, заң емес',
  hypoRow: 'болжам',
  colYear: 'жыл',
  colMciFrom: 'АЕК (қай күннен)',
  colValue: 'сомасы',
  colStatus: 'бап',
  statusInForce: 'күшінде',
  statusNotInForce: 'әлі күшіне енбеген',
  statusNotPriced: 'кітапхана есептемейді',
  showTable: 'Сандар кесте түрінде',
  basisHeading: 'Құқықтық негіз',
  basisNote:
    'Сілтемелер деректер жинағында жазылғандай, аудармасы болса бет тілінде (ескертпелер мен дереккөздер ' +
    'ағылшын тілінде), әрқайсысының сенімділігімен беріледі.',
  seenIn: 'Дереккөз',
  footer:
    'Браузеріңізде kzpenalty {library} кітапханасы (WebAssembly) есептеді; деректер жинағы {dataset} {version}, ' +
    '{verified} тексерілген, саусақ ізі {fingerprint}; АЕК {until} дейін белгілі. Желісіз жұмыс істейді.',
  loading: 'Кітапхана жүктелуде…',
  linkIgnored: 'Сілтемедегі кейбір мәндер жарамсыз, сондықтан бет мына өрістер үшін өз мәндерін көрсетеді: {fields}.',
  caseLink: 'Осы жағдай: {url}',
  err: {
    KZP_E_NOT_IN_FORCE:
      '{article}-бап {inForce} бастап жасалған құқық бұзушылықтарға қолданылады; ' +
      '{date} күні ол әлі күшіне енбеген еді.',
    KZP_E_MCI_STALE:
      'АЕК {until} дейін белгілі; {date} үшін АЕК әлі белгіленбеген, сондықтан айыппұлды есептеу мүмкін емес.',
    KZP_E_BAD_DATE: 'Күн дұрыс емес: оны ЖЖЖЖ-АА-КК түрінде енгізіңіз.',
    KZP_E_BAD_NUMBER: 'Сан дұрыс емес: {message}',
    mciWhole: 'Болжамды АЕК нөлден үлкен бүтін теңге болуы керек.',
    noDate: 'Құқық бұзушылық жасалған күнді енгізіңіз немесе жылды таңдаңыз.',
    load: 'Кітапхананы жүктеу мүмкін болмады: {message}',
    other: 'Қате: {message}',
  },
};

const TEXTS = { en, ru, kk };

/** The strings of one language (Russian when the language is unknown). */
export function texts(lang) {
  return TEXTS[lang] || TEXTS.ru;
}

/** Fill {name} placeholders of a template from vars. */
export function fill(template, vars = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** A date for people: 16.09.2025 in Russian and Kazakh, 2025-09-16 in English. */
export function showDate(iso, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m || lang === 'en') {
    return iso;
  }
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** The language the browser prefers among ours, Russian otherwise. */
export function preferredLang(languages) {
  for (const l of languages || []) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) {
      return base;
    }
  }
  return 'ru';
}
