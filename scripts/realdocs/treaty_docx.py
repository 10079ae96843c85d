"""What the scripts that set the treaty in Word share: the command line
(`LANG OUT.docx`, the units of `bitext parse --format json` on stdin) and a new Word
file that is the same on every run."""
import datetime
import json
import sys

import docx


def start():
    """The language, the output path, the units, and a new Word file whose author
    and dates are fixed."""
    lang, out = sys.argv[1], sys.argv[2]
    units = json.load(sys.stdin)["units"]
    d = docx.Document()
    core = d.core_properties
    core.author = "bitext fixtures"
    # A fixed date, so that the file is the same on every run.
    core.created = core.modified = datetime.datetime(2026, 1, 1)
    return lang, out, units, d
