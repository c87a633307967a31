"""The teacher-mode passphrase: scrypt hashes in the settings table, and `PassphraseGate`,
which slows guessing down after wrong guesses (an injected clock, for tests).

A forgotten passphrase must not lock a teacher out of their own class: a one-time
**recovery code** is made whenever a passphrase is set and shown once (only its scrypt
hash is kept). `reset_passphrase` takes it and a new passphrase, and gives a new code:
each code works once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from medialit.core.errors import MedialitError
from medialit.core.records import Change
from medialit.core.store import Store

PASSPHRASE_SETTING = "teacher_passphrase"
RECOVERY_SETTING = "teacher_recovery"
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed back
CODE_GROUPS, CODE_GROUP = 5, 4  # 20 characters of 32: 100 bits
MIN_PASSPHRASE = 6
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def hash_passphrase(passphrase: str, *, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash` (hex), salted with 16 random bytes."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise MedialitError(f"the passphrase needs at least {MIN_PASSPHRASE} characters")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_passphrase(passphrase: str, stored: str) -> bool:
    """Constant-time check of a passphrase against `hash_passphrase` output; junk is False."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            passphrase.encode("utf-8"),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(hash_hex) // 2,
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest.hex(), hash_hex)


def has_passphrase(store: Store) -> bool:
    return bool(store.settings.get(PASSPHRASE_SETTING))


def set_passphrase(store: Store, passphrase: str) -> Change:
    return store.settings.set(PASSPHRASE_SETTING, hash_passphrase(passphrase))


def check_passphrase(store: Store, passphrase: str) -> bool:
    stored = store.settings.get(PASSPHRASE_SETTING)
    return bool(stored) and verify_passphrase(passphrase, stored or "")


def new_recovery_code() -> str:
    """A fresh code to write down, such as `K7QX-M2PD-9TRW-HF4N-3CVA`."""
    chars = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP))
    return "-".join(chars[i : i + CODE_GROUP] for i in range(0, len(chars), CODE_GROUP))


def _code_key(code: str) -> str:
    """What is hashed: its letters and digits, upper case (spaces, dashes and case as the
    teacher types them do not matter)."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def set_passphrase_with_code(store: Store, passphrase: str) -> str:
    """Set the passphrase and a new recovery code in one write; returns the code, which is
    nowhere else (only its hash is stored): show it to the teacher once."""
    code = new_recovery_code()
    store.settings.set_many(
        {
            PASSPHRASE_SETTING: hash_passphrase(passphrase),
            RECOVERY_SETTING: hash_passphrase(_code_key(code)),
        }
    )
    return code


def has_recovery_code(store: Store) -> bool:
    return bool(store.settings.get(RECOVERY_SETTING))


def new_code_for(store: Store) -> str:
    """A recovery code for a passphrase set before codes existed (replaces any other)."""
    code = new_recovery_code()
    store.settings.set(RECOVERY_SETTING, hash_passphrase(_code_key(code)))
    return code


def reset_passphrase(store: Store, code: str, passphrase: str) -> str:
    """A forgotten passphrase replaced, given the recovery code; returns the next code (the
    one given is used up). A wrong code raises MedialitError and changes nothing."""
    stored = store.settings.get(RECOVERY_SETTING)
    if not stored or not verify_passphrase(_code_key(code), stored):
        raise MedialitError("that is not the recovery code")
    return set_passphrase_with_code(store, passphrase)


FREE_GUESSES = 3
"""Wrong guesses in a row that cost nothing; each one after that makes the next guess wait."""
FIRST_DELAY = 2.0
MAX_DELAY = 60.0


def delay_after(wrong: int) -> float:
    """Seconds the next guess waits after `wrong` wrong guesses in a row: 0, 0, 2, 4, 8 … 60."""
    if wrong < FREE_GUESSES:
        return 0.0
    return min(MAX_DELAY, FIRST_DELAY * 2.0 ** (wrong - FREE_GUESSES))


@dataclass(frozen=True, slots=True)
class Guess:
    """What became of one guess at the passphrase."""

    right: bool
    checked: bool
    """False when the guess came before the wait was over: it was not even looked at."""
    wait: float
    """Seconds before the next guess is taken (0: now)."""


class PassphraseGate:
    """`check_passphrase` slowed down after wrong guesses, against guessing on a shared laptop.

    The first FREE_GUESSES wrong guesses in a row cost nothing; after that each
    wrong guess makes the next one wait (2 s, 4 s, 8 s … at most 60 s), and a
    guess before the wait is over is refused without being checked. A right
    guess starts afresh. Kept in memory while the app runs (the GUI keeps one
    per database), not in the database; `clock` (seconds, monotonic) is there
    for tests.
    """

    def __init__(self, store: Store, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.clock = clock
        self.wrong = 0
        self._not_before = 0.0

    def seconds_left(self) -> float:
        """How long until the next guess is taken (0: now)."""
        return max(0.0, self._not_before - self.clock())

    def guess(self, passphrase: str) -> Guess:
        wait = self.seconds_left()
        if wait > 0:
            return Guess(right=False, checked=False, wait=wait)
        if check_passphrase(self.store, passphrase):
            self.wrong, self._not_before = 0, 0.0
            return Guess(right=True, checked=True, wait=0.0)
        self.wrong += 1
        wait = delay_after(self.wrong)
        self._not_before = self.clock() + wait
        return Guess(right=False, checked=True, wait=wait)
