"""python -m pedatlas.users add|remove|list|set-role|set-scope|set-password: the local users file.

Passwords are read from a prompt (twice) or, with --password-stdin, from the first line of
standard input; never from the command line (argv is visible to every user of the machine) and
never written anywhere but as an argon2id hash. Every change goes into the audit log.
"""

import argparse
import getpass
import os
import sys
from pathlib import Path

from pedatlas.auth import audit, users
from pedatlas.paths import users_path


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="python -m pedatlas.users",
        description="Manage PedAtlas's local users (roles: viewer, analyst, admin; scopes: "
        "national, province:360000, city:360100, alliance:<id>).",
    )
    root.add_argument(
        "--file", type=Path, help="users file (default: $PEDATLAS_USERS or state/users.json)"
    )
    commands = root.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add a user (asks for the password)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("viewer", "analyst", "admin"))
    add.add_argument("--scope", default="national")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    commands.add_parser("remove", help="remove a user").add_argument("name")
    commands.add_parser("list", help="list users, roles and scopes (never hashes)")
    role = commands.add_parser("set-role", help="change a user's role")
    role.add_argument("name")
    role.add_argument("role", choices=("viewer", "analyst", "admin"))
    scope = commands.add_parser("set-scope", help="change a user's data scope")
    scope.add_argument("name")
    scope.add_argument("scope")
    password = commands.add_parser("set-password", help="change a user's password")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true")
    return root


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise users.UsersError("the two passwords differ")
    return first


def operator() -> str:
    """Who ran the command, for the audit log (the account on this machine)."""
    try:
        return f"cli:{os.getlogin()}"
    except OSError:
        return f"cli:uid {os.getuid()}"


def run(args: argparse.Namespace) -> str:
    path = args.file or users_path()
    who = operator()
    if args.command == "list":
        listed = users.load(path)
        if not listed:
            return f"no users in {path} (sign-in is off: the app serves this machine only)"
        return "\n".join(f"{u.name}\t{u.role}\t{u.scope}" for u in listed.values())
    if args.command == "add":
        user = users.add(path, args.name, read_password(args.password_stdin), args.role, args.scope)
        audit.record("user_added", who, user.name, role=user.role, scope=user.scope)
        return f"added {user.name} ({user.role}, {user.scope}) to {path}"
    if args.command == "remove":
        users.remove(path, args.name)
        audit.record("user_removed", who, args.name)
        return f"removed {args.name} from {path}"
    if args.command == "set-role":
        user = users.set_role(path, args.name, args.role)
        audit.record("user_role", who, user.name, role=user.role)
        return f"{user.name} is now {user.role}"
    if args.command == "set-scope":
        user = users.set_scope(path, args.name, args.scope)
        audit.record("user_scope", who, user.name, scope=user.scope)
        return f"{user.name} now sees {user.scope}"
    user = users.set_password(path, args.name, read_password(args.password_stdin))
    audit.record("user_password", who, user.name)
    return f"password of {user.name} changed"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        print(run(args))
    except (users.UsersError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError):
        print("cancelled: nothing changed", file=sys.stderr)
        return 1
    return 0
