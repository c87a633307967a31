"""The gradebook: which submission is graded, the roster's rows with their status, points,
and the files an LMS imports. Qt-free; only `gradebook.store_view` reads a Store."""
