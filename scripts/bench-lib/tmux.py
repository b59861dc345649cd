"""Driving clients in an 80x24 tmux pane: start a command, read the screen, send keys, quit."""
import os
import select
import subprocess
import time

from config import POLL
from procs import alive, stop_pid, stop_popen, stop_tree, wait_gone
from tools import first_line

CONF = ("set-option -g remain-on-exit on\nset-option -g default-terminal xterm-256color\n"
        "set-option -g status off\nset-option -g history-limit 0\n")


def describe() -> str:
    return first_line(["tmux", "-V"]) + ", 80x24 pane, TERM=xterm-256color"


def client_environment(home: str) -> dict:
    """A clean environment for the clients: a fresh HOME and XDG folders, UTF-8, xterm-256color."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMUX", "LC_", "XDG_"))}
    env.update(HOME=home, LANG="C.UTF-8", TERM="xterm-256color", PAGER="less", LESS="",
               XDG_CONFIG_HOME=os.path.join(home, ".config"), XDG_DATA_HOME=os.path.join(home, ".local/share"),
               XDG_STATE_HOME=os.path.join(home, ".local/state"), XDG_DOWNLOAD_DIR=home)
    env.pop("NO_COLOR", None)
    return env


class ControlClient:
    """A tmux control-mode client: commands go down a pipe, their output comes back in blocks.

    Polling every 5 ms with a new tmux process each time would itself keep a core busy.
    (`-f no-output`: with %output notifications on, the tmux 3.3a server here segfaulted every
    few respawns.)"""

    def __init__(self, socket_path: str, session: str, env: dict):
        self.process = subprocess.Popen(["tmux", "-S", socket_path, "-C", "attach-session", "-f", "no-output",
                                         "-t", session], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.buffer = b""
        try:
            self.skip_attach_output()
        except BaseException:
            self.stop()
            raise

    def skip_attach_output(self) -> None:
        """Reads blocks until a marker's comes back, so the next block read is the next command's."""
        token = "bench-sync-%d" % os.getpid()
        self.send(f"display-message -p {token}")
        deadline = time.monotonic() + 10
        while token not in self.read_block(deadline):
            pass

    def send(self, text: str) -> None:
        self.process.stdin.write(text.encode() + b"\n")
        self.process.stdin.flush()

    def command(self, text: str) -> str:
        """Runs one tmux command; its output (bounded: 10 s)."""
        self.send(text)
        return self.read_block(time.monotonic() + 10)

    def read_line(self, deadline: float) -> str:
        fd = self.process.stdout.fileno()
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise RuntimeError("tmux control client: no answer")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError("tmux control client: closed")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8", "replace")

    def read_block(self, deadline: float) -> str:
        while not self.read_line(deadline).startswith("%begin"):
            pass  # notifications between command blocks
        lines = []
        while True:
            line = self.read_line(deadline)
            if line.startswith(("%end", "%error")):
                return "\n".join(lines)
            lines.append(line)

    def stop(self) -> None:
        stop_popen(self.process)


class Tmux:
    """A private tmux server (own socket) with one 80x24 pane whose command is respawned per run."""

    def __init__(self, folder: str, env: dict):
        self.socket = os.path.join(folder, "tmux.sock")
        self.env = env
        self.target = "bench:0.0"
        self.control = None
        self.server_pid = 0
        conf = os.path.join(folder, "tmux.conf")
        with open(conf, "w") as f:
            f.write(CONF)
        self.run("-f", conf, "new-session", "-d", "-s", "bench", "-x", "80", "-y", "24", "--", "sleep", "600")
        try:
            self.run("set-option", "-g", "window-size", "manual")
            self.server_pid = int(self.run("display-message", "-p", "#{pid}").strip() or 0)
            self.control = ControlClient(self.socket, "bench", env)
        except BaseException:
            self.stop()
            raise

    def run(self, *args, check: bool = True) -> str:
        """One tmux command as its own process (for the few that are not timed)."""
        result = subprocess.run(["tmux", "-S", self.socket] + list(args), capture_output=True, text=True,
                                env=self.env, timeout=10)
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def start(self, argv: list) -> int:
        """Runs argv (at least two words, so tmux execs it without a shell) in the pane; its pid."""
        self.run("respawn-pane", "-k", "-t", self.target, "--", *argv)
        return int(self.run("display-message", "-p", "-t", self.target, "#{pane_pid}").strip())

    def capture(self) -> str:
        return self.control.command(f"capture-pane -p -t {self.target}")

    def last_row(self) -> str:
        """The last non-blank row of the screen (a status bar); retried if the pane reads blank."""
        for _ in range(5):
            lines = [r.strip() for r in self.capture().splitlines() if r.strip()]
            if lines:
                return lines[-1]
            time.sleep(0.05)
        return "(blank screen)"

    def keys(self, *keys: str) -> None:
        self.control.command(f"send-keys -t {self.target} " + " ".join(keys))  # plain key names only

    def wait_for(self, text: str, timeout: float, pid: int, every=None):
        """Polls the screen every ~5 ms until it shows `text`; the monotonic time it was seen, or
        None if `timeout` passed or the client died. `every` = (seconds, callable) runs periodically."""
        deadline = time.monotonic() + timeout
        last_action = 0.0
        while time.monotonic() < deadline:
            if text in self.capture():
                return time.monotonic()
            if not alive(pid):
                return None
            if every and time.monotonic() - last_action >= every[0]:
                every[1]()
                last_action = time.monotonic()
            time.sleep(POLL)
        return None

    def quit_client(self, pid: int, keys: list) -> bool:
        """Sends the client's quit keys; True if it exited by itself within 2 s. Kills what is left."""
        for key in keys:
            self.keys(key)
            time.sleep(0.05)
        exited = wait_gone(pid, 2)
        stop_tree(pid)
        return exited

    def stop(self) -> None:
        try:
            self.run("kill-server", check=False)
        except (OSError, subprocess.TimeoutExpired):
            pass
        if self.control:
            self.control.stop()
        stop_pid(self.server_pid)
