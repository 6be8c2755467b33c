"""When serving is safe: which addresses reach only this machine (pure, no Streamlit)."""

import ipaddress

# Loudly named on purpose: it turns off the one protection of an app without sign-in.
TRUSTED_ENV_VAR = "PEDATLAS_TRUSTED_SINGLE_USER_NO_SIGN_IN"
LOOPBACK_NAMES = ("localhost",)


def is_loopback(address: str | None) -> bool:
    """Whether address (an IP or host name, as configured or seen) only reaches this machine."""
    address = (address or "").strip().strip("[]")
    if address.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def exposure(server_address: str | None, client_ip: str | None, forwarded_for: str | None) -> str:
    """How the app is reachable from other machines ('' when it is not)."""
    if not is_loopback(server_address):  # unset = every interface
        return f"server.address = {server_address or '0.0.0.0 (all interfaces)'}"
    if client_ip and not is_loopback(client_ip):
        return f"client {client_ip}"
    # Behind the proxy every connection comes from 127.0.0.1; the proxy names the real client.
    for hop in (forwarded_for or "").split(","):
        if hop.strip() and not is_loopback(hop):
            return f"X-Forwarded-For {hop.strip()}"
    return ""
