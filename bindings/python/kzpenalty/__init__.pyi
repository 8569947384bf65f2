"""Type hints for kzpenalty (the classes are implemented in C, in kzpenalty._native)."""

import datetime
import os
import decimal
from typing import Literal, NamedTuple, Optional, Tuple, Union

DateLike = Union[datetime.date, str]
Amount = Union[int, decimal.Decimal, str]
Lang = Literal["en", "ru", "kk"]
Kind = Literal["fine", "community_service", "arrest", "correctional_work"]
Certainty = Literal["official", "statement", "unverified", "hypothetical"]

LIBRARY_VERSION: str
LIBRARY_VERSION_NUMBER: int
WORDS_MAX: int
__version__: str

class Citation(NamedTuple):
    """A source that backs a value; status is how sure the dataset is of it."""
    id: str
    act: str
    reference: str
    document: str
    seen_in: str
    note: str
    status: Certainty

class Receipt(NamedTuple):
    """What a result was computed with, so it can be reproduced."""
    library: str
    dataset: str
    dataset_version: str
    dataset_fingerprint: str
    hypothetical: bool

class DatasetInfo(NamedTuple):
    """Identity of a Context's dataset."""
    id: str
    version: str
    verified_on: datetime.date
    fingerprint: str
    mci_known_until: datetime.date
    schema_version: int
    hypothetical: bool
    article_count: int

class Mci(NamedTuple):
    """The MCI (whole tenge) that applies, and the period it comes from (shared between results)."""
    tenge: int
    from_date: datetime.date
    purpose: Literal["fines", "benefits"]
    stale: bool
    certainty: Certainty
    citation: Citation

class MciPeriod(NamedTuple):
    """One period of the MCI table."""
    from_date: datetime.date
    tenge: int
    purpose: Literal["all", "fines", "benefits"]
    citation: Citation

class Article(NamedTuple):
    """An article the dataset encodes; title maps 'en', 'ru', 'kk' to its title."""
    id: str
    title: dict
    category: Literal["criminal_offence", "crime"]
    in_force_from: datetime.date
    citation: Citation

class Sanction(NamedTuple):
    """One alternative: bounds in its unit (min is None when the article sets none), and for a fine the tiyn."""
    kind: Kind
    unit: Literal["mci", "hours", "days"]
    min: Optional[decimal.Decimal]
    max: decimal.Decimal
    article_max: decimal.Decimal
    capped: bool
    min_tiyn: Optional[int]
    max_tiyn: Optional[int]
    citation: Citation

class Range(NamedTuple):
    """The sanction range of an article for an offence date."""
    article: str
    offence_date: datetime.date
    mitigated: bool
    accelerated: bool
    mci: Optional[Mci]
    sanctions: Tuple[Sanction, ...]
    certainty: Certainty
    stale: bool
    basis: Tuple[Citation, ...]
    receipt: Receipt

class Fine(NamedTuple):
    """A fine of mci_count MCI priced in tiyn at the MCI of the offence day."""
    mci_count: decimal.Decimal
    offence_date: datetime.date
    amount_tiyn: int
    mci: Mci
    certainty: Certainty
    stale: bool
    basis: Tuple[Citation, ...]
    receipt: Receipt

class Check(NamedTuple):
    """A proposed sentence against the range: which bound it breaks and by how much."""
    fits: bool
    violation: Literal["fits", "above_max", "below_min", "not_positive"]
    kind: Kind
    unit: Literal["mci", "hours", "days"]
    amount: decimal.Decimal
    limit: decimal.Decimal
    excess: decimal.Decimal
    range: Range
    receipt: Receipt

class Conversion(NamedTuple):
    """An Art. 61 conversion: whole to_kind units and the remainder in from_kind's unit."""
    from_kind: Kind
    amount: decimal.Decimal
    to_kind: Kind
    whole: int
    remainder: decimal.Decimal
    remainder_unit: Literal["mci", "hours", "days"]
    exact: bool
    citation: Citation
    receipt: Receipt

class Problem(NamedTuple):
    """A problem found in a dataset."""
    code: str
    path: str
    line: int
    column: int
    message: str

class Context:
    """The legal dataset, validated and immutable: share one between threads freely."""
    def __init__(self) -> None: ...
    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Context": ...
    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Context": ...
    def with_mci(self, update: Union[str, bytes]) -> "Context": ...
    def what_if(self, mci_tenge: int) -> "Context": ...
    @property
    def info(self) -> DatasetInfo: ...
    def mci(self, date: DateLike, purpose: Literal["fines", "benefits"] = ..., *, allow_stale: bool = ...,
            strict: bool = ...) -> Mci: ...
    def range(self, article: str, date: DateLike, *, mitigated: bool = ..., accelerated: bool = ...,
              allow_stale: bool = ..., strict: bool = ...) -> Range: ...
    def fine(self, mci_count: Amount, date: DateLike, *, allow_stale: bool = ..., strict: bool = ...) -> Fine: ...
    def check(self, article: str, date: DateLike, kind: Kind, amount: Amount, *, mitigated: bool = ...,
              accelerated: bool = ..., allow_stale: bool = ..., strict: bool = ...) -> Check: ...
    def convert(self, amount: Amount, from_kind: Kind, to_kind: Kind) -> Conversion: ...
    def sanction_texts(self, article: str, date: DateLike, lang: Lang = ..., *, mitigated: bool = ...,
                       accelerated: bool = ..., allow_stale: bool = ..., strict: bool = ...) -> Tuple[str, ...]: ...
    def mci_table(self) -> Tuple[MciPeriod, ...]: ...
    def articles(self) -> Tuple[Article, ...]: ...

def number_words(n: int, lang: Lang = ..., *, gender: Literal["masculine", "feminine", "neuter", "plural"] = ...,
                 case: Literal["nominative", "genitive"] = ...) -> str: ...
def tenge_words(tiyn: int, lang: Lang = ...) -> str: ...
def tenge_figures_words(tiyn: int, lang: Lang = ...) -> str: ...
def format_tenge(tiyn: int, style: Literal["sign", "ru", "kk", "en", "plain"] = ...) -> str: ...
def validate_dataset(text: Union[str, bytes]) -> Tuple[Problem, ...]: ...

class KzpError(ValueError):
    """Base of every error the library reports (a ValueError; a wrong type raises TypeError)."""
    code: str
    status: int
    message: str
    path: str
    line: int
    column: int

class InvalidArgumentError(KzpError): ...
class OutOfMemoryError(KzpError): ...
class DataFileError(KzpError): ...
class JSONSyntaxError(KzpError): ...
class SchemaError(KzpError): ...
class SchemaVersionError(KzpError): ...
class BadDateError(KzpError): ...
class BadNumberError(KzpError): ...
class AmountOverflowError(KzpError): ...
class DataValueError(KzpError): ...
class DataOrderError(KzpError): ...
class DataReferenceError(KzpError): ...
class DataDuplicateError(KzpError): ...
class UnknownKindError(KzpError): ...
class UnknownArticleError(KzpError): ...
class NotInForceError(KzpError): ...
class StaleMciError(KzpError): ...
class MciBeforeFirstError(KzpError): ...
class NoSanctionError(KzpError): ...
class NoRuleError(KzpError): ...
class UnverifiedError(KzpError): ...


