"""The content the clients fetch: what is served, and writing it into a folder.

Each menu is written twice: as a `gophermap` for gophernicus, and as the `index` file the
sendfile server sends as stored, in the exact bytes gophernicus puts on the wire for that
gophermap (host and port filled in, CR LF, a final "."), so both servers send the same menu.
"""
import os

from config import HOST, MIB
from sendfile_server import INDEX_NAME

MENU_ITEMS = 100_000
TEXT_BYTES = 100 << 20
BIN_BYTES = 512 << 20
TEXT_LINE = "Line %07d  The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.\n"
TEXT_LINES = TEXT_BYTES // len(TEXT_LINE % 1)
assert TEXT_LINES * len(TEXT_LINE % 1) == TEXT_BYTES

SMALL_MENU = "/small"  # one item
BIG_MENU = "/menu"
TEXT = "/big.txt"
BINARY = "/big.bin"
FIRST_ITEM = "Item 000001"
LAST_ITEM = "Item %06d" % MENU_ITEMS
FIRST_LINE = "Line 0000001"
LAST_LINE = "Line %07d" % TEXT_LINES
CHUNK_LINES = 65536  # lines generated per write: bounded memory for the big files


def menu_items(count: int) -> list:
    return ["0Item %06d\t/x.txt" % i for i in range(1, count + 1)]


def write_menu(folder: str, items: list, port: int) -> None:
    os.makedirs(folder)
    with open(os.path.join(folder, "gophermap"), "w") as f:
        f.write("".join(item + "\n" for item in items))
    with open(os.path.join(folder, INDEX_NAME), "w", newline="") as f:
        f.write("".join(f"{item}\t{HOST}\t{port}\r\n" for item in items) + ".\r\n")


def write_text(path: str) -> None:
    with open(path, "w") as f:
        for start in range(1, TEXT_LINES + 1, CHUNK_LINES):
            f.write("".join(TEXT_LINE % i for i in range(start, min(start + CHUNK_LINES, TEXT_LINES + 1))))


def write_random(path: str, size: int) -> None:
    with open(path, "wb") as f:
        for _ in range(size // MIB):
            f.write(os.urandom(MIB))


def make_world_readable(root: str) -> None:
    """gophernicus runs as nobody."""
    for folder, dirs, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)


def generate(root: str, port: int) -> None:
    """Writes every file the benchmarks fetch; menus link to HOST:port."""
    os.makedirs(root, exist_ok=True)
    write_menu(root + BIG_MENU, menu_items(MENU_ITEMS), port)
    write_menu(root + SMALL_MENU, menu_items(1), port)
    with open(os.path.join(root, "x.txt"), "w") as f:
        f.write("hello\n")
    write_text(root + TEXT)
    write_random(root + BINARY, BIN_BYTES)
    make_world_readable(root)


def menu_wire_bytes(root: str) -> int:
    """How many bytes the 100,000-item menu is on the wire."""
    return os.path.getsize(os.path.join(root + BIG_MENU, INDEX_NAME))
