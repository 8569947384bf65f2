// Type declarations for kzpenalty (Node-API binding of the kzpenalty C library).
// Money is bigint tiyn (1 tenge = 100 tiyn) next to a formatted text; quantities of MCI, hours
// and days are exact decimal strings ("200", "0.2"); dates are ISO strings "YYYY-MM-DD".
// Every result object is frozen.

export type Lang = 'en' | 'ru' | 'kk';
export type Kind = 'fine' | 'community_service' | 'arrest' | 'correctional_work';
export type Unit = 'mci' | 'hours' | 'days';
export type Certainty = 'official' | 'statement' | 'unverified' | 'hypothetical';
/**
 * An amount: a whole number or bigint of whole units, or a decimal string such as "0.2". A
 * fractional number or NaN throws TypeError; a number beyond 2^53 - 1 throws RangeError.
 */
export type Amount = number | bigint | string;

/** Options of mci() and fine(): the flags the library reads when it prices with the MCI. */
export interface PriceOptions {
  /** Price a date after the MCI table with its last value, marked stale. */
  allowStale?: boolean;
  /** Refuse answers that depend on an unverified fact. */
  strict?: boolean;
}

/**
 * Options of range(), check() and sanctionTexts(). Every key is checked: an unknown one (a
 * misspelt `mitigate`) or a value that is not a boolean throws TypeError.
 */
export interface QueryOptions extends PriceOptions {
  /** Art. 55 part 2: at most half of the maximum, for a criminal offence. */
  mitigated?: boolean;
  /** Art. 55 part 3: the same half; does not stack with part 2. */
  accelerated?: boolean;
  /** A verdict in the order procedure: only the alternatives the dataset's order-procedure rules give. */
  orderProcedure?: boolean;
}

export type ConversionRule = 'aggregation' | 'unpaid-fine' | 'evaded-service';

/** Options of convert(): the rule to convert under; aggregation (Art. 61) when not given. */
export interface ConvertOptions {
  rule?: ConversionRule;
}

/** A text in each language of the dataset. */
export interface ByLang<T = string> {
  readonly en: T;
  readonly ru: T;
  readonly kk: T;
}

export interface Citation {
  readonly id: string;
  /** The act, in English as the dataset records it. */
  readonly act: string;
  /** Where in the act, in English ("Art. 41 part 2"); "" if none. */
  readonly reference: string;
  /** The act in each language (the English one where the dataset has no translation). */
  readonly actIn: ByLang;
  /** The reference in each language ("ч. 2 ст. 41", "41-баптың 2-бөлігі"), likewise. */
  readonly referenceIn: ByLang;
  readonly document: string;
  readonly seenIn: string;
  readonly note: string;
  readonly status: Certainty;
}

/**
 * What priced a result, as the command's JSON receipt says it. datasetSha256 is the Context's
 * sha256 (a derived Context's is its base dataset's; '' for a dataset loaded by a build without
 * nettle: the npm package's and the WebAssembly module's); updates lists every MCI update applied,
 * the same array as the Context's updates() (empty when none was).
 */
export interface Receipt {
  readonly library: string;
  readonly dataset: string;
  readonly datasetVersion: string;
  readonly datasetFingerprint: string;
  readonly datasetSha256: string;
  readonly updates: readonly Update[];
  readonly hypothetical: boolean;
}

export interface DatasetInfo {
  readonly id: string;
  readonly version: string;
  readonly verifiedOn: string;
  readonly fingerprint: string;
  readonly mciKnownUntil: string;
  readonly schemaVersion: number;
  readonly hypothetical: boolean;
  readonly articleCount: number;
}

export interface Mci {
  readonly tenge: number;
  /** The date asked about (the offence day, for a range or a fine). */
  readonly date: string;
  /** The first day of the MCI period that applies. */
  readonly from: string;
  /** The first date with this MCI: the period's first day for the purpose (a stale value: the day after the table). */
  readonly validFrom: string;
  /** The last date with this MCI: the day before the purpose's next period, or the table's last date ('9999-12-31'
   * when stale, and in a what-if). */
  readonly validUntil: string;
  readonly purpose: 'fines' | 'benefits';
  readonly stale: boolean;
  readonly certainty: Certainty;
  readonly citation: Citation;
}

export type BoundSource = 'article' | 'general_part' | 'half_cap' | 'order_procedure';

/** One bound of a sanction, with the rule that sets it. */
export interface Bound {
  /** In the sanction's unit, an exact decimal string ("200"). */
  readonly amount: string;
  /** The amount priced at the offence day's MCI, for a sanction in MCI; else null. */
  readonly tiyn: bigint | null;
  /** tiyn formatted ("865 000 ₸"), or null. */
  readonly text: string | null;
  readonly source: BoundSource;
  readonly citation: Citation | null;
}

/** Persons a punishment may not be imposed on, as the dataset lists them (the library does not judge). */
export interface Restriction {
  readonly id: string;
  readonly kind: Kind;
  readonly persons: ByLang<readonly string[]>;
  readonly citation: Citation | null;
}

export interface Sanction {
  readonly kind: Kind;
  readonly unit: Unit;
  /** The lower bound that applies; null when none does. */
  readonly min: Bound | null;
  /** The upper bound that applies. */
  readonly max: Bound;
  /** The article's own lower bound; null for "up to". */
  readonly articleMin: Bound | null;
  readonly articleMax: Bound;
  /** The General Part's bounds for the kind and the offence's category, whether or not they apply. */
  readonly generalMin: Bound | null;
  readonly generalMax: Bound | null;
  /** The rule that lifted the General Part's minimum under the options asked, or null. */
  readonly minLiftedBy: Citation | null;
  /** True when an Art. 55 half cap lowered max. */
  readonly capped: boolean;
  /** The most that may be served a day (community service hours), or null. */
  readonly perDayMax: string | null;
  readonly perDayCitation: Citation | null;
  readonly restriction: Restriction | null;
  /** The article's text for this alternative. */
  readonly citation: Citation;
}

/** A payment collected beside the punishment (the compulsory payment to the Victims' Compensation Fund). */
export interface Payment {
  readonly id: string;
  readonly name: ByLang;
  readonly mciCount: string;
  /** False in strict mode when which day's MCI prices it is unverified: then it is in MCI only. */
  readonly priced: boolean;
  readonly amountTiyn: bigint | null;
  readonly amountText: string | null;
  /** Its own certainty; it does not lower the range's. */
  readonly certainty: Certainty;
  readonly citation: Citation | null;
  /** What says which day's MCI prices it, when priced. */
  readonly pricedBy: Citation | null;
}

export interface Range {
  readonly article: string;
  readonly offenceDate: string;
  /**
   * The offence dates, around offenceDate, for which the library gives this same range (all but offenceDate and
   * mci.date): from the latest of the article's entry into force, the pricing rule's start and the MCI's validFrom,
   * to the MCI's validUntil (unpriced: the day before the MCI table would price it). A cache may key on them.
   */
  readonly validFrom: string;
  /** The last offence date with this range (see validFrom). */
  readonly validUntil: string;
  readonly mitigated: boolean;
  readonly accelerated: boolean;
  /** The order-procedure rule applied, or null. */
  readonly orderProcedure: Citation | null;
  readonly mci: Mci | null;
  /** The alternatives, in the article's order. */
  readonly sanctions: readonly Sanction[];
  /** Alternatives of the article the order procedure leaves out, in the article's order. */
  readonly omitted: readonly Kind[];
  /** Why the order procedure leaves them out, or null. */
  readonly omittedBy: Citation | null;
  readonly payments: readonly Payment[];
  readonly certainty: Certainty;
  readonly stale: boolean;
  readonly basis: readonly Citation[];
  readonly receipt: Receipt;
}

export interface Fine {
  readonly mciCount: string;
  readonly offenceDate: string;
  /** The first offence date priced the same (the MCI's validFrom). */
  readonly validFrom: string;
  /** The last offence date priced the same (the MCI's validUntil). */
  readonly validUntil: string;
  readonly amountTiyn: bigint;
  readonly amountText: string;
  readonly mci: Mci;
  readonly certainty: Certainty;
  readonly stale: boolean;
  readonly basis: readonly Citation[];
  readonly receipt: Receipt;
}

export interface Check {
  readonly fits: boolean;
  readonly violation: 'fits' | 'above_max' | 'below_min' | 'not_positive';
  readonly kind: Kind;
  readonly unit: Unit;
  readonly amount: string;
  /** The bound broken, or the upper bound when it fits ("0" for a sentence of zero). */
  readonly limit: string;
  readonly limitSource: BoundSource | 'none';
  /** The rule that sets limit, or null. */
  readonly limitCitation: Citation | null;
  readonly excess: string;
  /** The first offence date with the same answer (range.validFrom). */
  readonly validFrom: string;
  /** The last offence date with the same answer (range.validUntil). */
  readonly validUntil: string;
  readonly range: Range;
  readonly receipt: Receipt;
}

export interface Conversion {
  readonly fromKind: Kind;
  readonly amount: string;
  readonly toKind: Kind;
  readonly whole: bigint;
  readonly remainder: string;
  readonly remainderUnit: Unit;
  readonly exact: boolean;
  readonly rule: ConversionRule;
  readonly certainty: Certainty;
  /** What the rule is for ("" where the dataset does not say). */
  readonly scope: ByLang;
  readonly citation: Citation;
  readonly receipt: Receipt;
}

export interface MciPeriod {
  readonly from: string;
  readonly tenge: number;
  readonly purpose: 'all' | 'fines' | 'benefits';
  readonly citation: Citation;
}

/**
 * One MCI period an update added or replaced (Context.updates()), with the update's file as it was
 * found ('' for withMci) and the SHA-256 of its text ('' in a build without nettle: the npm
 * package's and the WebAssembly module's).
 */
export interface Update {
  readonly source: string;
  readonly sha256: string;
  readonly from: string;
  readonly tenge: number;
  readonly purpose: 'all' | 'fines' | 'benefits';
  readonly citation: Citation;
}

export interface Article {
  readonly id: string;
  readonly title: Readonly<Record<Lang, string>>;
  readonly category: 'criminal_offence' | 'crime';
  readonly inForceFrom: string;
  readonly citation: Citation;
}

export interface Problem {
  readonly code: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The legal dataset, validated and immutable; share one between workers' calls freely. */
export class Context {
  /** The dataset embedded in the library. */
  constructor();
  /** A Context from a dataset file (docs/dataset.md). */
  static fromFile(path: string): Context;
  /** A Context from a dataset in a string or bytes. */
  static fromJSON(text: string | Uint8Array): Context;
  /** A new Context with MCI periods added or replaced; this one is not changed. */
  withMci(update: string | Uint8Array): Context;
  /** A new Context with the MCI update of the file at path (the format of withMci); updates() names it. */
  withMciFile(path: string): Context;
  /**
   * A new Context with every MCI update file of where applied in order, as the library finds them:
   * a string is a ':'-separated list of files and directories, each string of an array one path.
   * Undefined or null reads the documented place, as the command does: $KZPENALTY_UPDATES when
   * set, else kzpenalty/updates under the XDG data directories. No update is applied unless asked.
   */
  withUpdates(where?: string | readonly string[] | null): Context;
  /** A new Context with this MCI (whole tenge) on every date; results say 'hypothetical'. */
  whatIf(mciTenge: number | bigint): Context;
  readonly info: DatasetInfo;
  /** The SHA-256 of the dataset's JSON text (a derived Context: its base dataset's), 64 hex digits. */
  readonly sha256: string;
  mci(date: string, purpose?: 'fines' | 'benefits', options?: PriceOptions): Mci;
  range(article: string, date: string, options?: QueryOptions): Range;
  fine(mciCount: Amount, date: string, options?: PriceOptions): Fine;
  check(article: string, date: string, kind: Kind, amount: Amount, options?: QueryOptions): Check;
  convert(amount: Amount, fromKind: Kind, toKind: Kind, options?: ConvertOptions): Conversion;
  sanctionTexts(article: string, date: string, lang?: Lang, options?: QueryOptions): readonly string[];
  mciTable(): readonly MciPeriod[];
  articles(): readonly Article[];
  /** The MCI periods the updates applied to this Context added or replaced, the first applied first. */
  updates(): readonly Update[];
}

export function numberWords(n: number | bigint, lang?: Lang,
  gender?: 'masculine' | 'feminine' | 'neuter' | 'plural', grammaticalCase?: 'nominative' | 'genitive'): string;
export function tengeWords(tiyn: number | bigint, lang?: Lang): string;
export function tengeFiguresWords(tiyn: number | bigint, lang?: Lang): string;
export function formatTenge(tiyn: number | bigint, style?: 'sign' | 'ru' | 'kk' | 'en' | 'plain'): string;
export function validateDataset(text: string | Uint8Array): readonly Problem[];
export const libraryVersion: string;

/** Base of every error the library reports. */
export class KzpError extends Error {
  /** The status name, e.g. 'KZP_E_NOT_IN_FORCE'. */
  readonly code: string;
  readonly status: number;
  readonly path: string;
  readonly line: number;
  readonly column: number;
}
export class InvalidArgumentError extends KzpError {}
export class OutOfMemoryError extends KzpError {}
export class DataFileError extends KzpError {}
export class JSONSyntaxError extends KzpError {}
export class SchemaError extends KzpError {}
export class SchemaVersionError extends KzpError {}
export class BadDateError extends KzpError {}
export class BadNumberError extends KzpError {}
export class AmountOverflowError extends KzpError {}
export class DataValueError extends KzpError {}
export class DataOrderError extends KzpError {}
export class DataReferenceError extends KzpError {}
export class DataDuplicateError extends KzpError {}
export class UnknownKindError extends KzpError {}
export class UnknownArticleError extends KzpError {}
export class NotInForceError extends KzpError {}
export class StaleMciError extends KzpError {}
export class MciBeforeFirstError extends KzpError {}
export class NoSanctionError extends KzpError {}
export class NoRuleError extends KzpError {}
export class UnverifiedError extends KzpError {}

/**
 * What `JSON.stringify` writes for a result: the same fields, with every bigint (money in tiyn,
 * at any depth) as its decimal string, since JSON has no form for a bigint.
 */
export type Jsonable<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Jsonable<U>[]
    : T extends object
      ? { [K in keyof T as K extends 'toJSON' ? never : K]: Jsonable<T[K]> }
      : T;

// Every result class has toJSON (declarations merged with the interfaces above).
export interface Citation { toJSON(): Jsonable<Citation>; }
export interface Receipt { toJSON(): Jsonable<Receipt>; }
export interface Mci { toJSON(): Jsonable<Mci>; }
export interface Sanction { toJSON(): Jsonable<Sanction>; }
export interface Range { toJSON(): Jsonable<Range>; }
export interface Fine { toJSON(): Jsonable<Fine>; }
export interface Check { toJSON(): Jsonable<Check>; }
export interface Conversion { toJSON(): Jsonable<Conversion>; }
