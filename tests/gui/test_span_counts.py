"""The span count a student reads in the status bar and the span list agrees in number."""

from medialit.core.model import LABELS, Label
from medialit.gui.span_list import counts_text


def test_one_span_is_singular() -> None:
    counts = dict.fromkeys(LABELS, 0)
    assert counts_text(counts) == "0 spans: Claim 0 · Fact 0 · Speculation 0 · Sourcing 0"
    counts[Label.FACT] = 1
    assert counts_text(counts).startswith("1 span: ")
    counts[Label.CLAIM] = 1
    assert counts_text(counts).startswith("2 spans: ")
