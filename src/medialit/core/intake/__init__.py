"""The one intake: how every file a class hands in is found, read, checked and placed.

The teacher window's import (`core.teacher.collection`), `medialit score` (`core.batch`) and
the class view (`core.classroom`) all call this package, so they agree on every rule:

- `folders`: which files an input holds (the one folder rule: recursive, `*.json` and
  `*.jsonl`, hidden files skipped, at most 20,000 files, refused beyond with the count);
  `zipped`: a `.zip` read like a folder, within limits.
- `sources`: reading one file safely (regular files only: a FIFO or device is refused
  without being opened; every file size-capped before it is read; an empty file is a
  problem), and `Problem`, what is wrong with one input.
- `readers`: one reader per format: a submission file (JSON), a JSONL class file (one
  student per line, doccano-style), each producing `Arrival` items or `Problem`s that
  name the file, the line and the field.
- `doccano`: the doccano-style row (every form the app accepts: `label`/`labels` lists or
  `entities` objects, label names in any case with spaces trimmed, text that is not
  canonical mapped onto canonical offsets, the `medialit_spans` extras), for submissions
  and keys alike.
- `placement`: which of the lessons' text versions a submission is on, and its spans
  placed on the current text (re-anchored once per submission and text, and kept).
- `gathering`: reading many inputs at once: the one duplicate rule (the same content,
  whatever the bytes) and the one "current per student" rule (the latest UTC instant).

Qt-free and Store-free: it reads files, never writes one and never opens a database.
"""
