"""Reading a report into flat records, in the steps a reader follows:

1. `documents`: a file (text in any common encoding, a web page, a PDF, a Word file) into text;
2. `text`: that text normalised (half-width, paragraphs joined across page breaks), with a map
   back to the input's characters for quotes;
3. `header` and `passages`: the years, region and kind of report, and the passages that hold
   figures (the summary of the year reported on, the main targets of the year planned);
4. `measures` and `clauses`: each sentence into items, a name with its level, growth or task;
5. `names`: each name to an indicator of the store, of the lexicon (`lexicon.toml`), or a new one;
6. `records`: the items as the records `csplan list` prints, with year, status and quote.

Precision comes before recall: an item is emitted only when its name, number, unit and
qualifier are all read from the text; anything doubtful (a comparison, 个百分点, a multi-year
average, a name that reads like a verb phrase) is left out. Every record carries its quote, a
contiguous fragment of the input with page breaks joined.
"""

from .compiled import keep_new
from .documents import DocumentError, read_document
from .header import Header, read_header
from .records import Extraction, extract
from .text import Text, prepare

keep_new()  # the patterns compiled by importing the steps, kept for the next run (compiled.py)

__all__ = ["DocumentError", "Extraction", "Header", "Text", "extract", "prepare", "read_document", "read_header"]
