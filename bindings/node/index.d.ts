// Type declarations for kzpenalty (Node-API binding of the kzpenalty C library).
// Money is bigint tiyn (1 tenge = 100 tiyn) next to a formatted text; quantities of MCI, hours
// and days are exact decimal strings ("200", "0.2"); dates are ISO strings "YYYY-MM-DD".
// Every result object is frozen.

export type Lang = 'en' | 'ru' | 'kk';
export type Kind = 'fine' | 'community_service' | 'arrest' | 'correctional_work';
export type Unit = 'mci' | 'hours' | 'days';
export type Certainty = 'official' | 'statement' | 'unverified' | 'hypothetical';
/** An amount: an integer number or bigint of whole units, or a decimal string such as "0.2". */
export type Amount = number | bigint | string;

export interface QueryOptions {
  /** Art. 55 part 2: at most half of the maximum, for a criminal offence. */
  mitigated?: boolean;
  /** Art. 55 part 3: the same half; does not stack with part 2. */
  accelerated?: boolean;
  /** Price a date after the MCI table with its last value, marked stale. */
  allowStale?: boolean;
  /** Refuse answers that depend on an unverified fact. */
  strict?: boolean;
}

export interface Citation {
  readonly id: string;
  readonly act: string;
  readonly reference: string;
  readonly document: string;
  readonly seenIn: string;
  readonly note: string;
  readonly status: Certainty;
}

export interface Receipt {
  readonly library: string;
  readonly dataset: string;
  readonly datasetVersion: string;
  readonly datasetFingerprint: string;
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
  readonly date: string;
  readonly from: string;
  readonly purpose: 'fines' | 'benefits';
  readonly stale: boolean;
  readonly certainty: Certainty;
  readonly citation: Citation;
}

export interface Sanction {
  readonly kind: Kind;
  readonly unit: Unit;
  /** null: the article sets no lower bound (the General Part applies). */
  readonly min: string | null;
  readonly max: string;
  readonly articleMax: string;
  readonly capped: boolean;
  readonly minTiyn: bigint | null;
  readonly maxTiyn: bigint | null;
  readonly maxText: string | null;
  /** The id of the citation; the full citation is in the range's basis. */
  readonly citation: string;
}

export interface Range {
  readonly article: string;
  readonly offenceDate: string;
  readonly mitigated: boolean;
  readonly accelerated: boolean;
  readonly mci: Mci | null;
  readonly sanctions: readonly Sanction[];
  readonly certainty: Certainty;
  readonly stale: boolean;
  readonly basis: readonly Citation[];
  readonly receipt: Receipt;
}

export interface Fine {
  readonly mciCount: string;
  readonly offenceDate: string;
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
  readonly limit: string;
  readonly excess: string;
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
  readonly citation: Citation;
  readonly receipt: Receipt;
}

export interface MciPeriod {
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
  /** A new Context with this MCI (whole tenge) on every date; results say 'hypothetical'. */
  whatIf(mciTenge: number | bigint): Context;
  readonly info: DatasetInfo;
  mci(date: string, purpose?: 'fines' | 'benefits', options?: QueryOptions): Mci;
  range(article: string, date: string, options?: QueryOptions): Range;
  fine(mciCount: Amount, date: string, options?: QueryOptions): Fine;
  check(article: string, date: string, kind: Kind, amount: Amount, options?: QueryOptions): Check;
  convert(amount: Amount, fromKind: Kind, toKind: Kind): Conversion;
  sanctionTexts(article: string, date: string, lang?: Lang, options?: QueryOptions): readonly string[];
  mciTable(): readonly MciPeriod[];
  articles(): readonly Article[];
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
