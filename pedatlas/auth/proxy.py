"""Render the nginx configuration in deploy/nginx/ for N replicas (scripts/serve.sh, tests).

    python -m pedatlas.auth.proxy --replicas 8601,8602 --listen 127.0.0.1:8500 --run-dir DIR

writes DIR/pedatlas.conf (upstream + server, fit for /etc/nginx/conf.d/) and DIR/nginx.conf
(a whole configuration for an unprivileged `nginx -c DIR/nginx.conf -p DIR`).
"""

import argparse
from pathlib import Path

from pedatlas.importer.limits import MAX_TOTAL_UPLOAD_BYTES, MB
from pedatlas.paths import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "deploy" / "nginx"
# nginx must let through what the importer may take: all files of one import plus form overhead.
MAX_BODY_MB = MAX_TOTAL_UPLOAD_BYTES // MB + 1


def site_config(ports: list[int], listen: str, host: str = "127.0.0.1") -> str:
    servers = "\n".join(f"    server {host}:{port} max_fails=1 fail_timeout=10s;" for port in ports)
    template = (TEMPLATES / "pedatlas.conf.template").read_text("utf-8")
    return template.format(servers=servers, listen=listen, max_body_mb=MAX_BODY_MB)


def render(ports: list[int], listen: str, run_dir: Path) -> Path:
    """Write both files into run_dir; returns the path of the whole configuration."""
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "pedatlas.conf").write_text(site_config(ports, listen), "utf-8")
    main = (TEMPLATES / "nginx-unprivileged.conf.template").read_text("utf-8")
    target = run_dir / "nginx.conf"
    target.write_text(main.format(run_dir=run_dir.resolve()), "utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pedatlas.auth.proxy", description=__doc__)
    parser.add_argument("--replicas", required=True, help="comma-separated loopback ports")
    parser.add_argument("--listen", default="127.0.0.1:8500", help="address:port users open")
    parser.add_argument("--run-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    ports = [int(port) for port in args.replicas.split(",") if port.strip()]
    print(render(ports, args.listen, args.run_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
