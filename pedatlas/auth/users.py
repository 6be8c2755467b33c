"""The local users file: names, argon2 password hashes, roles and scopes (JSON, mode 0600).

Every change rewrites the file atomically (temporary file + rename) under a lock, so several
app replicas and the CLI can share it; readers re-read it when its identity changes. Passwords
are never stored or logged, only their argon2id hashes.
"""

import fcntl
import functools
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pedatlas.auth.roles import is_role
from pedatlas.auth.scope import parse_scope

_HASHER = PasswordHasher()
# Compared against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")
MIN_PASSWORD = 8
_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.@")


class UsersError(ValueError):
    """A users-file change that cannot be made (message says which user and why)."""


@dataclass(frozen=True)
class LocalUser:
    name: str
    role: str
    scope: str
    password_hash: str


def check_name(name: str) -> str:
    if not name or len(name) > 64 or not set(name) <= _NAME_CHARS:
        raise UsersError(f"user name {name!r}: use 1-64 letters, digits, '_', '-', '.', '@'")
    return name


def check_role(role: str) -> str:
    if not is_role(role):
        raise UsersError(f"role {role!r}: expected viewer, analyst or admin")
    return role


def check_scope(scope: str) -> str:
    try:
        return parse_scope(scope).text()
    except ValueError as error:
        raise UsersError(str(error)) from None


def load(path: Path) -> dict[str, LocalUser]:
    """Users by name ({} when the file does not exist)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise UsersError(f"users file {path} cannot be read: {error}") from None
    # Every page run asks who its user is several times; the file is parsed once per version.
    return dict(_parsed(str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=8)
def _parsed(path: str, inode: int, mtime_ns: int, size: int) -> dict[str, LocalUser]:
    try:
        records = json.loads(Path(path).read_text("utf-8")).get("users", {})
    except (OSError, ValueError) as error:
        raise UsersError(f"users file {path} cannot be read: {error}") from None
    return {name: LocalUser(name=name, **record) for name, record in records.items()}


def _save(path: Path, users: dict[str, LocalUser]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    records = {
        name: {k: v for k, v in asdict(user).items() if k != "name"}
        for name, user in sorted(users.items())
    }
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump({"users": records}, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


@contextmanager
def _locked(path: Path) -> Iterator[dict[str, LocalUser]]:
    """The users for changing; saved when the block ends without an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        users = load(path)
        yield users
        _save(path, users)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UsersError(f"password too short: use at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def add(path: Path, name: str, password: str, role: str, scope: str = "national") -> LocalUser:
    check_name(name)
    user = LocalUser(name, check_role(role), check_scope(scope), hash_password(password))
    with _locked(path) as users:
        if name in users:
            raise UsersError(f"user {name!r} exists already (remove it first, or set its role)")
        users[name] = user
    return user


def remove(path: Path, name: str) -> None:
    with _locked(path) as users:
        if users.pop(name, None) is None:
            raise UsersError(f"no user {name!r} in {path}")


def update(path: Path, name: str, **changes) -> LocalUser:
    """Change role, scope or password_hash of an existing user."""
    with _locked(path) as users:
        if name not in users:
            raise UsersError(f"no user {name!r} in {path}")
        users[name] = LocalUser(**{**asdict(users[name]), **changes})
        return users[name]


def set_role(path: Path, name: str, role: str) -> LocalUser:
    return update(path, name, role=check_role(role))


def set_scope(path: Path, name: str, scope: str) -> LocalUser:
    return update(path, name, scope=check_scope(scope))


def set_password(path: Path, name: str, password: str) -> LocalUser:
    return update(path, name, password_hash=hash_password(password))


def verify(path: Path, name: str, password: str) -> LocalUser | None:
    """The user if name and password match, else None (same work either way)."""
    user = load(path).get(name)
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return user
