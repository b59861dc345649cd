"""Starting and stopping the loopback gopher servers the clients are measured against.

Three servers, each its own process (so that serving never competes with this script's screen
polling for Python's lock), each stopped by pid:
  sendfile     sendfile_server.py: files sent as stored (the default, fastest)
  gophernicus  gophernicus under socat, one process pair per connection (a real server)
  endless      endless_server.py: a menu that never ends
"""
import os
import select
import socket
import subprocess
import sys
import time

from config import HOST, LIB, SERVER_LIFETIME
from procs import stop_popen
from tools import deb_version

SERVER_KINDS = ("sendfile", "gophernicus")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_listening(port: int, process, timeout: float = 5.0) -> None:
    """Returns once something accepts connections on the port; fails after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex((HOST, port)) == 0:
                return
        if process.poll() is not None:
            break
        time.sleep(0.05)
    raise SystemExit(f"bench: nothing listens on {HOST}:{port}")


def read_port(process, timeout: float = 10.0) -> int:
    """The port a server prints as its first line (bounded: a server that hangs is an error)."""
    fd = process.stdout.fileno()
    line = b""
    deadline = time.monotonic() + timeout
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise SystemExit("bench: a server did not say its port")
        chunk = os.read(fd, 64)
        if not chunk:
            raise SystemExit("bench: a server exited before saying its port")
        line += chunk
    return int(line.strip())


class Server:
    """A server process, the port it listens on, and a line saying what it is."""

    def __init__(self, process, port: int, description: str, scheme: str = "gopher"):
        self.process = process
        self.port = port
        self.description = description
        self.scheme = scheme

    def url(self, item_type: str, selector: str) -> str:
        return f"{self.scheme}://{HOST}:{self.port}/{item_type}{selector}"

    def stop(self) -> None:
        stop_popen(self.process)


def start_python_server(script: str, args: list, description: str) -> Server:
    process = subprocess.Popen([sys.executable, os.path.join(LIB, script), "--lifetime", str(SERVER_LIFETIME)] + args,
                               stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        port = read_port(process)
        wait_listening(port, process)
    except BaseException:
        stop_popen(process)
        raise
    return Server(process, port, description)


def start_sendfile(root: str) -> Server:
    python = f"Python {sys.version.split()[0]}"
    return start_python_server("sendfile_server.py", ["--root", root],
                               f"sendfile_server.py ({python}, os.sendfile, a thread per connection; files as stored)")


def start_endless() -> Server:
    return start_python_server("endless_server.py", [], "endless_server.py (info lines, never ends)")


def socat_version() -> str:
    try:
        out = subprocess.run(["socat", "-V"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "socat"
    line = next((l for l in out.splitlines() if l.startswith("socat version")), "socat")
    return line.split(" on ")[0]


def start_gophernicus(root: str) -> Server:
    """gophernicus run by socat for each connection, as nobody (it refuses to run as root)."""
    port = free_port()
    # -nm: no shared memory. Without it every gophernicus on the machine shares one session
    # table (SysV key 0xbeeb0008) and, after 4 GiB to one client address within 30 min,
    # sleeps 1 s before every reply to it: this script alone moves ~10 GiB to 127.0.0.1.
    gophernicus = f"/usr/sbin/gophernicus -h {HOST} -p {port} -r {root} -nf -nd -nv -ns -nm"
    as_nobody = ",su=nobody" if os.geteuid() == 0 else ""
    process = subprocess.Popen(["socat", f"TCP-LISTEN:{port},bind={HOST},reuseaddr,fork",
                                f"EXEC:{gophernicus},nofork{as_nobody}"], stdin=subprocess.DEVNULL)
    try:
        wait_listening(port, process)
    except BaseException:
        stop_popen(process)
        raise
    return Server(process, port, f"{deb_version('gophernicus')} under {socat_version()} (text sent with CR LF)")


def start_stunnel(backend_port: int, folder: str) -> tuple:
    """stunnel4 speaking TLS on a free port in front of `backend_port`, with a self-signed EC
    P-256 certificate for 127.0.0.1 made now. Returns (server, certificate file): clients trust
    the certificate as their only authority (SSL_CERT_FILE for warren, --cacert for curl)."""
    certificate, key = os.path.join(folder, "bench-tls.crt"), os.path.join(folder, "bench-tls.key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", f"subjectAltName=IP:{HOST}"], check=True, capture_output=True, timeout=30)
    port = free_port()
    configuration = os.path.join(folder, "stunnel.conf")
    with open(configuration, "w") as out:
        out.write(f"foreground = yes\npid =\ndebug = 3\n[gopher]\naccept = {HOST}:{port}\n"
                  f"connect = {HOST}:{backend_port}\ncert = {certificate}\nkey = {key}\n")
    process = subprocess.Popen(["stunnel4", configuration], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_listening(port, process)
    except BaseException:
        stop_popen(process)
        raise
    server = Server(process, port, f"{deb_version('stunnel4')} (TLS 1.3, EC P-256) in front of it", scheme="gophers")
    return server, certificate


def start_content_server(kind: str, root: str) -> Server:
    return start_sendfile(root) if kind == "sendfile" else start_gophernicus(root)
