"""Start the app safely: ``python -m pedatlas.auth.launch [streamlit options]`` (scripts/run.sh).

Without sign-in configured it serves on 127.0.0.1 only and says so; it refuses a non-loopback
--server.address unless sign-in is configured (users file or [auth] in .streamlit/secrets.toml)
or PEDATLAS_TRUSTED_SINGLE_USER_NO_SIGN_IN=1 is set. The server's upload limit comes from the
importer's limits, so Streamlit never accepts a file the importer would refuse for its size.
"""

import os
import sys
import tomllib
from pathlib import Path

from pedatlas.auth import users
from pedatlas.auth.safety_rules import TRUSTED_ENV_VAR, is_loopback
from pedatlas.importer.limits import MAX_UPLOAD_MB
from pedatlas.paths import PROJECT_ROOT, users_path

DEFAULT_ADDRESS = "127.0.0.1"
DEFAULT_PORT = "8501"


def secrets_have_auth(root: Path = PROJECT_ROOT) -> bool:
    """Whether a secrets.toml Streamlit reads has an [auth] section (st.login configured)."""
    for path in (root / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"):
        try:
            if "auth" in tomllib.loads(path.read_text("utf-8")):
                return True
        except (OSError, ValueError):
            continue
    return False


def sign_in_methods(root: Path = PROJECT_ROOT) -> list[str]:
    """'oidc' and/or 'local' as configured on this machine."""
    methods = ["oidc"] if secrets_have_auth(root) else []
    try:
        if users.load(users_path()):
            methods.append("local")
    except users.UsersError:
        methods.append("local (users file unreadable)")
    return methods


def option(args: list[str], name: str) -> str | None:
    """The value of a streamlit option given as '--name value' or '--name=value'."""
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def require_safe_address(address: str, methods: list[str], trusted: bool) -> None:
    """Raise SystemExit with what to do when address reaches the network without sign-in."""
    if is_loopback(address) or methods or trusted:
        return
    raise SystemExit(
        f"refusing to serve on {address}: no sign-in is configured, so anyone on the network "
        "could replace the data.\n  Add users: python -m pedatlas.users add NAME --role admin\n"
        "  or configure [auth] in .streamlit/secrets.toml (README, 'Deploying'),\n"
        f"  or, on a trusted single-user machine only: {TRUSTED_ENV_VAR}=1"
    )


def check_listen(listen: str) -> None:
    """For scripts/serve.sh: refuse a proxy address that reaches the network without sign-in."""
    host = listen.rsplit(":", 1)[0] if ":" in listen else "0.0.0.0"
    require_safe_address(host, sign_in_methods(), os.environ.get(TRUSTED_ENV_VAR) == "1")


def command(args: list[str], methods: list[str], trusted: bool) -> tuple[list[str], str]:
    """(streamlit command line, message to print); raises SystemExit when serving would be unsafe."""
    address = option(args, "--server.address")
    extra = []
    if address is None:
        address = DEFAULT_ADDRESS
        extra += ["--server.address", address]
    if option(args, "--server.maxUploadSize") is None:
        extra += ["--server.maxUploadSize", str(MAX_UPLOAD_MB)]
    port = option(args, "--server.port") or DEFAULT_PORT
    require_safe_address(address, methods, trusted)
    if is_loopback(address):
        how = "sign-in: " + ", ".join(methods) if methods else "no sign-in configured"
        message = f"PedAtlas serves http://{address}:{port} on this machine only ({how})."
    elif methods:
        message = (
            f"PedAtlas serves the network on {address}:{port} with sign-in ({', '.join(methods)})."
        )
    else:
        message = (
            f"WARNING: PedAtlas serves the network on {address}:{port} WITHOUT SIGN-IN "
            f"({TRUSTED_ENV_VAR}=1): anyone who reaches this port can replace the data."
        )
    cmd = [
        sys.executable,
        "-m",
        "pedatlas.serve",
        "run",
        str(PROJECT_ROOT / "app.py"),
        *extra,
        *args,
    ]
    return cmd, message


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    cmd, message = command(args, sign_in_methods(), os.environ.get(TRUSTED_ENV_VAR) == "1")
    print(message, flush=True)
    os.chdir(PROJECT_ROOT)
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    main()
