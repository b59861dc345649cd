"""Finding and installing the programs the benchmarks run, building Warren, and their versions."""
import os
import shutil
import subprocess
import sys
import time

from config import REPO, log

PACKAGES = {  # executable -> Debian package
    "tmux": "tmux", "socat": "socat", "/usr/sbin/gophernicus": "gophernicus", "sacc": "sacc",
    "lynx": "lynx", "curl": "curl", "/usr/bin/time": "time", "less": "less", "cmp": "diffutils",
    "stunnel4": "stunnel4", "openssl": "openssl",
}
GOPHERNICUS_TOOLS = ("socat", "/usr/sbin/gophernicus")


def have(tool: str) -> bool:
    return os.access(tool, os.X_OK) if tool.startswith("/") else shutil.which(tool) is not None


def install_missing(skip: tuple = ()) -> None:
    """apt-get installs the packages of missing tools (not those in `skip`), as root or via sudo."""
    missing = sorted({pkg for tool, pkg in PACKAGES.items() if tool not in skip and not have(tool)})
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if sudo is None:
        log(f"bench: not root and no sudo; cannot install {' '.join(missing)} (those rows are skipped)")
        return
    log(f"bench: installing {' '.join(missing)} with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    command = sudo + ["apt-get", "install", "-y", "-q", "--no-install-recommends"] + missing
    if subprocess.run(command, env=env, stdout=subprocess.DEVNULL, timeout=600).returncode != 0:
        # A fresh machine may have no package lists yet: update once, then try again.
        subprocess.run(sudo + ["apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL, timeout=600)
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, timeout=600)


def require(tools) -> None:
    for tool in tools:
        if not have(tool):
            raise SystemExit(f"bench: {tool} is needed")


def build_warren(skip: bool) -> str:
    """The release binary in .build-bench, built first unless `skip`: the README's build (a static
    Swift runtime, which starts faster and holds about 6 MiB less than a dynamic one)."""
    args = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-bench"]
    if not skip:
        log("bench: " + " ".join(args))
        started = time.monotonic()
        result = subprocess.run(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=1800)
        if result.returncode != 0:
            sys.stdout.write(result.stdout[-4000:])
            raise SystemExit("bench: release build failed")
        log(f"bench: built in {time.monotonic() - started:.0f} s")
    binary = os.path.join(REPO, ".build-bench", "release", "warren")
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"bench: {binary} is missing (run without --no-build)")
    return binary


def first_line(args: list) -> str:
    """The first line a command prints (stdout, else stderr), or "not installed"."""
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=10)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not installed"


def deb_version(package: str) -> str:
    out = first_line(["dpkg-query", "-W", "-f", "${Version}", package])
    return f"{package} {out}" if out and "no packages" not in out.lower() else "not installed"


def client_versions(warren: str) -> list:
    """(name, version) of every client measured."""
    swift = first_line(["swift", "--version"])
    return [
        ("warren", f"{first_line([warren, '--version'])} (release build, {swift})"),
        ("sacc", deb_version("sacc") if have("sacc") else "not installed"),
        ("lynx", first_line(["lynx", "-version"]) if have("lynx") else "not installed"),
        ("curl", first_line(["curl", "--version"]).split(" (")[0] if have("curl") else "not installed"),
    ]
