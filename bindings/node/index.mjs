// ES module entry: the same objects as the CommonJS entry.
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const kzpenalty = require('./index.js');

export const {
  Context, numberWords, tengeWords, tengeFiguresWords, formatTenge, validateDataset, libraryVersion, KzpError,
  InvalidArgumentError, OutOfMemoryError, DataFileError, JSONSyntaxError, SchemaError, SchemaVersionError,
  BadDateError, BadNumberError, AmountOverflowError, DataValueError, DataOrderError, DataReferenceError,
  DataDuplicateError, UnknownKindError, UnknownArticleError, NotInForceError, StaleMciError, MciBeforeFirstError,
  NoSanctionError, NoRuleError, UnverifiedError,
} = kzpenalty;
export default kzpenalty;
