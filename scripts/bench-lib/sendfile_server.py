#!/usr/bin/env python3
"""A plain gopher server on 127.0.0.1: each request's file, sent as stored with os.sendfile.

scripts/bench serves its content with this by default: it is faster than every client measured,
so their differences show (gophernicus under socat forks two processes per request and converts
text line by line). For each connection it reads one selector line, maps it to a file under
--root, sends that file with os.sendfile and closes. A selector naming a folder gets the folder's
`index` file, which scripts/bench writes already in wire form (host, port, CRLF, final "."). A
selector that names nothing, or leaves the root (`..`, a symbolic link out), gets a gopher
error line. Python standard library only.

Bounded: one thread per connection, at most --max-connections at once (more wait in the
listen backlog); every socket read or write gives up after 10 s of no progress; the server
exits after --lifetime seconds. Prints its port, then serves until killed or its lifetime ends.
"""
import argparse
import os
import socket
import struct
import sys
import threading
import time

INDEX_NAME = "index"  # the file a folder's selector is answered with
MAX_SELECTOR = 4096
IO_TIMEOUT = 10  # seconds without progress before a connection is dropped
NOT_FOUND = b"3Not found\t\terror.host\t1\r\n.\r\n"


def resolve(root: str, selector: str):
    """The file under `root` (a real path) that `selector` names, or None."""
    selector = selector.split("\t", 1)[0]  # a search query after a tab is ignored
    parts = [p for p in selector.split("/") if p not in ("", ".")]
    if ".." in parts or any("\0" in p for p in parts):
        return None
    path = os.path.realpath(os.path.join(root, *parts))
    if os.path.commonpath([root, path]) != root:
        return None  # a symbolic link that points out of the root
    if os.path.isdir(path):
        path = os.path.join(path, INDEX_NAME)
    return path if os.path.isfile(path) else None


def set_io_timeouts(conn: socket.socket, seconds: float) -> None:
    """Kernel timeouts on a blocking socket: os.sendfile needs a blocking socket, yet no wait may
    be unbounded (Python's settimeout would make the socket non-blocking)."""
    conn.settimeout(None)
    timeval = struct.pack("ll", int(seconds), int((seconds % 1) * 1e6))
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, timeval)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, timeval)


def read_selector(conn: socket.socket):
    """The request's first line without its CR LF, or None if the client sent no full line."""
    request = b""
    while b"\n" not in request:
        if len(request) > MAX_SELECTOR:
            return None
        got = conn.recv(MAX_SELECTOR)
        if not got:
            return None
        request += got
    return os.fsdecode(request.split(b"\n", 1)[0].rstrip(b"\r"))


def send_file(conn: socket.socket, path: str) -> None:
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        offset = 0
        while offset < size:
            sent = os.sendfile(conn.fileno(), f.fileno(), offset, size - offset)
            if sent == 0:
                break  # the file shrank under us
            offset += sent


def finish(conn: socket.socket) -> None:
    """Sends FIN after the data, then reads what the client still sends (briefly): closing with
    unread bytes would send a reset, which can cost the client the end of the file."""
    try:
        conn.shutdown(socket.SHUT_WR)
        set_io_timeouts(conn, 1)
        for _ in range(16):
            if not conn.recv(4096):
                break
    except OSError:
        pass


def serve(conn: socket.socket, root: str, slots: threading.BoundedSemaphore) -> None:
    try:
        set_io_timeouts(conn, IO_TIMEOUT)
        selector = read_selector(conn)
        if selector is not None:
            path = resolve(root, selector)
            if path:
                send_file(conn, path)
            else:
                conn.sendall(NOT_FOUND)
            finish(conn)
    except OSError:
        pass  # the client went away or stalled: this connection is done
    finally:
        conn.close()
        slots.release()


def accept_loop(listener: socket.socket, root: str, max_connections: int, deadline: float) -> None:
    slots = threading.BoundedSemaphore(max_connections)
    listener.settimeout(0.5)  # wake up to check the lifetime
    while time.monotonic() < deadline:
        if not slots.acquire(timeout=0.5):
            continue  # every slot busy: let new connections wait in the backlog
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            slots.release()
            continue
        threading.Thread(target=serve, args=(conn, root, slots), daemon=True).start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", required=True, help="the folder whose files are served")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--max-connections", type=int, default=32)
    parser.add_argument("--lifetime", type=float, default=600, help="seconds until the server exits")
    args = parser.parse_args()
    root = os.path.realpath(args.root)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(128)
    print(listener.getsockname()[1], flush=True)
    accept_loop(listener, root, args.max_connections, time.monotonic() + args.lifetime)
    listener.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
