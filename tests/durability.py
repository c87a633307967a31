"""Kill test: a child process edits a Store and acknowledges each edit after its commit
returns (as the GUI shows "Saved"); the parent SIGKILLs it at a random moment, reopens the
database and checks that every acknowledged edit is there, nothing half-done is, and
`PRAGMA integrity_check` is ok. The child also takes a backup every few edits, so some kills
land in the middle of one.

Used by tests/core/test_durability.py (a few kills) and benchmarks/durability.py (200).
A kill keeps the operating system's page cache, so this tests atomicity and that nothing is
acknowledged before its COMMIT; surviving power loss rests on synchronous=FULL (an fsync per
commit), which a kill cannot show.

Child: python -m tests.durability DB SEED FIRST_OP [ack-early]
(`ack-early` acknowledges before writing: a deliberately broken app, to show the harness
catches lost edits.)
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Police said the fire started in the kitchen, according to a neighbour 😀 who saw it. "
    "Officials may announce the cause next week; the owner claimed nothing was lost. "
) * 8
STUDENT, LESSON = "s1", "L1"
LABELS = ("claim", "fact", "speculation", "sourcing")
BACKUP_EVERY = 25

Row = tuple[int, int, str, str]  # start, end, label, note
State = dict[str, Row]


@dataclass(frozen=True, slots=True)
class Op:
    kind: str  # add | relabel | delete
    span_id: str
    row: Row | None = None


def next_op(seed: int, i: int, state: State) -> Op:
    """Edit number `i`: the same in parent and child, given the same state."""
    r = random.Random(f"{seed}:{i}")
    ids = sorted(state)
    x = r.random()
    if ids and x < 0.2:
        span_id = ids[r.randrange(len(ids))]
        start, end, _, _ = state[span_id]
        return Op("relabel", span_id, (start, end, r.choice(LABELS), f"note {i} " * 3))
    if ids and x < 0.35:
        return Op("delete", ids[r.randrange(len(ids))])
    start = r.randrange(len(TEXT) - 12)
    end = start + r.randint(1, 12)
    note = "n" * r.choice((0, 0, 10, 300, 6000))  # some edits need overflow pages
    return Op("add", f"e{seed:04x}{i:07d}", (start, end, r.choice(LABELS), note))


def apply_to_state(state: State, op: Op) -> None:
    if op.kind == "delete":
        del state[op.span_id]
    else:
        assert op.row is not None
        state[op.span_id] = op.row


def read_state(db_path: Path) -> tuple[State, str]:
    """The spans on disk and integrity_check's answer, opened as the app opens it."""
    from medialit.core.store import Store

    store = Store.open(db_path)
    try:
        integrity = str(store.db.execute("PRAGMA integrity_check").fetchone()[0])
        spans = store.work.spans(STUDENT, LESSON)
    finally:
        store.close()
    return {s.id: (s.start, s.end, s.label.value, s.note) for s in spans}, integrity


# -- the child -----------------------------------------------------------------------------


def child_main(db_path: Path, seed: int, first: int, *, ack_early: bool = False) -> None:
    from medialit.core.model import Article, Label, Span, SpanId
    from medialit.core.records import Student
    from medialit.core.store import Store

    article = Article.from_canonical(TEXT)
    store = Store.open(db_path)
    if not store.students.all():
        store.students.save(Student(STUDENT, "Durability"))
    state = {
        s.id: (s.start, s.end, s.label.value, s.note) for s in store.work.spans(STUDENT, LESSON)
    }
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    for i in range(first, first + 1_000_000):
        op = next_op(seed, i, state)
        if ack_early:
            out.write(f"{i}\n")
            out.flush()
            # Widen the gap between the early "saved" and the commit, so that a kill
            # lands in it on most tries and the mutation check never depends on luck.
            time.sleep(0.01)
        if op.kind == "delete":
            store.work.delete_span(op.span_id)
        else:
            assert op.row is not None
            start, end, label, note = op.row
            span = Span.create(
                article, start, end, Label(label), note=note, span_id=SpanId(op.span_id)
            )
            if op.kind == "add":
                store.work.add_span(STUDENT, LESSON, article.sha256, span)
            else:
                store.work.update_span(span)
        apply_to_state(state, op)
        if not ack_early:
            out.write(f"{i}\n")  # acknowledged: the commit has returned
            out.flush()
        if i % BACKUP_EVERY == 0:
            store.backup()


# -- the parent ----------------------------------------------------------------------------


@dataclass
class Report:
    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    in_flight_committed: int = 0
    integrity_failures: list[str] = field(default_factory=list)
    diverged: list[str] = field(default_factory=list)
    bad_backups: list[str] = field(default_factory=list)
    killed_before_ready: int = 0
    aimed: int = 0  # kills aimed after MIN_ACKS or more edits were acknowledged
    reopen_seconds: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.lost or self.integrity_failures or self.diverged or self.bad_backups)

    def lines(self) -> list[str]:
        slowest = max(self.reopen_seconds, default=0.0)
        mean = sum(self.reopen_seconds) / max(1, len(self.reopen_seconds))
        return [
            f"kills                     {self.kills}",
            f"  of which before ready   {self.killed_before_ready}",
            f"edits acknowledged        {self.acknowledged}",
            f"acknowledged edits lost   {self.lost}",
            f"in-flight edits committed {self.in_flight_committed} (done, not yet acknowledged)",
            f"integrity_check failures  {len(self.integrity_failures)}",
            f"states matching no prefix {len(self.diverged)}",
            f"damaged backups           {len(self.bad_backups)}",
            f"reopen + check            mean {mean * 1000:.1f} ms, max {slowest * 1000:.1f} ms",
        ]


MIN_ACKS = 3  # edits acknowledged before a kill is aimed (all but the early kills)


def run_kills(
    db_path: Path,
    kills: int,
    *,
    seed: int = 1,
    max_delay: float = 0.25,
    progress: bool = False,
    ack_early: bool = False,
) -> Report:
    """Kill a fresh child `kills` times, checking the database after each kill."""
    from medialit.core.store_checks import check_database_file

    rng = random.Random(seed)
    report = Report()
    state: State = {}
    first = 0
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    for n in range(kills):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.durability",
                str(db_path),
                str(seed),
                str(first),
                *(["ack-early"] if ack_early else []),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        early = rng.random() < 0.15
        seen: list[str] = []  # what the child said before the kill was aimed
        if early:
            time.sleep(rng.uniform(0.0, 0.15))  # may land while it starts or opens the store
        else:
            ready = child.stdout.readline().strip()
            if ready != "ready":
                child.kill()
                _, err = child.communicate()
                raise RuntimeError(f"child did not start: {ready!r} {err}")
            seen.append(ready)
            report.aimed += 1
            # amid real work however loaded the machine: a few edits acknowledged, then a
            # random moment (a timed wait alone saw almost no edits on a busy 2-core CI)
            wanted = rng.randint(MIN_ACKS, 2 * MIN_ACKS)
            while sum(x.isdigit() for x in seen) < wanted:
                line = child.stdout.readline()
                if not line:
                    break
                seen.append(line.strip())
            time.sleep(rng.uniform(0.0, max_delay))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        if child.returncode != -signal.SIGKILL:
            raise RuntimeError(f"child ended by itself ({child.returncode}): {err[-2000:]}")
        lines = seen + out.split()
        if early and "ready" not in lines:
            report.killed_before_ready += 1
        acks = [int(x) for x in lines if x.isdigit()]
        report.kills += 1
        report.acknowledged += len(acks)
        last_acked = acks[-1] if acks else first - 1

        # the model after each edit of this run: before any, after 1, ... after one unacked
        snapshots = [dict(state)]
        for i in range(first, last_acked + 2):
            apply_to_state(state, next_op(seed, i, state))
            snapshots.append(dict(state))
        started = time.perf_counter()
        try:
            actual, integrity = read_state(db_path)
        except Exception as exc:
            report.integrity_failures.append(f"kill {n}: cannot reopen: {exc}")
            break
        report.reopen_seconds.append(time.perf_counter() - started)
        if integrity != "ok":
            report.integrity_failures.append(f"kill {n}: {integrity}")
        acked_count = last_acked - first + 1
        if actual == snapshots[acked_count + 1]:
            report.in_flight_committed += 1
            done = acked_count + 1
        elif actual == snapshots[acked_count]:
            done = acked_count
        else:
            matches = [j for j, snap in enumerate(snapshots) if snap == actual]
            if matches:
                done = matches[-1]
                report.lost += acked_count - done
            else:
                report.diverged.append(f"kill {n}: the spans match no prefix of the edits")
                report.lost += acked_count
                snapshots[acked_count] = dict(actual)  # carry on from what is there
                done = acked_count
        state = snapshots[done]
        first += done
        for backup in (db_path.parent / "backups").glob("*.db"):
            problem = check_database_file(backup)
            if problem:
                report.bad_backups.append(f"kill {n}: {backup.name}: {problem}")
        if progress and (n + 1) % 20 == 0:
            print(f"  {n + 1} kills, {report.acknowledged} edits acknowledged", flush=True)
    return report


def integrity_of(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


if __name__ == "__main__":
    child_main(
        Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), ack_early="ack-early" in sys.argv
    )
