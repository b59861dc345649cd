#!/usr/bin/env python3
"""A gopher server on 127.0.0.1 that answers every selector with an endless menu of info lines.

Used by scripts/bench to check that clients stay in bounded memory against a server that never
stops. Everything is bounded: each connection ends after --max-bytes (or when the client closes
it), and the whole server exits after --lifetime seconds. Prints the port it listens on, then
serves until killed or until its lifetime is over.
"""
import argparse
import socketserver
import sys
import threading
import time


def block(size: int) -> bytes:
    lines = []
    total = 0
    n = 0
    while total < size:
        n += 1
        line = ("iEndless info line %07d, the server never sends the final dot\tfake\t(NULL)\t0\r\n" % n).encode()
        lines.append(line)
        total += len(line)
    return b"".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--max-bytes", type=int, default=4 << 30)
    parser.add_argument("--lifetime", type=float, default=600)
    args = parser.parse_args()
    chunk = block(1 << 20)

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            conn = self.request
            conn.settimeout(10)
            request = b""
            try:
                while b"\n" not in request and len(request) < 4096:
                    got = conn.recv(4096)
                    if not got:
                        return
                    request += got
                sent = 0
                while sent < args.max_bytes:
                    conn.sendall(chunk)
                    sent += len(chunk)
            except OSError:
                pass  # the client went away (or stalled for 10 s): this connection is done

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True

    server = Server(("127.0.0.1", args.port), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    deadline = time.monotonic() + args.lifetime
    while time.monotonic() < deadline:
        time.sleep(0.5)
    server.shutdown()
    sys.exit(0)


if __name__ == "__main__":
    main()
