"""kzpenalty: sanctions of Kazakhstan's Criminal Code as exact, dated, cited numbers.

Every number comes from the C library and its dataset; this package only translates it into
Python terms. Dates are ``datetime.date`` (ISO strings are accepted), quantities are
``decimal.Decimal``, money is ``int`` tiyn (1 tenge = 100 tiyn) next to a formatted text, and
results are immutable records (not tuples) that carry their citations and a receipt.

>>> import kzpenalty
>>> ctx = kzpenalty.Context()
>>> ctx.fine(150, "2025-11-03").amount_tiyn      # 150 x 3,932 tenge
58980000
>>> kzpenalty.tenge_figures_words(58980000, "ru")
'589 800 (пятьсот восемьдесят девять тысяч восемьсот) тенге'

A Context is immutable, so one may be shared by any number of threads. Errors are raised as
subclasses of :class:`KzpError`, itself a ``ValueError``, one per status of the C library
(``.code`` holds its name, e.g. ``'KZP_E_NOT_IN_FORCE'``); an argument of the wrong type raises
``TypeError``.
"""

# Everything public of the extension: the records, Context, the functions, and one error class
# per status of the library, named by the library (kzp_status_class), so no list of names here.
from ._native import *  # noqa: F401,F403  (re-exported)
from ._native import LIBRARY_VERSION

__version__ = LIBRARY_VERSION

__all__ = [name for name in dir() if not name.startswith("_")]
