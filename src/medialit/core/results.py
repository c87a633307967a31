"""One scored submission, the value `batch` makes, `classroom` and `gradebook` keep and
`export` writes: who, which lesson, when, and `scoring`'s report. Plain values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, replace

from medialit.core.scoring import ScoreReport


@dataclass(frozen=True, slots=True)
class StudentResult:
    """One scored submission: who, which lesson, when, and the report."""

    student: str  # the student id
    class_code: str
    lesson: str
    submitted_at: str
    report: ScoreReport
    student_name: str = ""

    def figures_only(self) -> StudentResult:
        """This result without the report's outcomes and spans, as `score(..., details=False)`
        gives it: all results.csv and the JSON need, once details.csv has its rows."""
        return replace(self, report=replace(self.report, outcomes=(), spans=()))
