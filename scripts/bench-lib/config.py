"""Settings the whole benchmark shares: where things are, how long any wait may last, logging."""
import os
import sys

LIB = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(LIB))
MIB = 1 << 20

HOST = "127.0.0.1"  # loopback only: nothing here talks to another machine
FIRST_SCREEN_TIMEOUT = 30.0  # seconds until a client's first screen must show
LAST_ITEM_TIMEOUT = 30.0  # seconds until the last item or line must show after End
COMMAND_TIMEOUT = 120  # seconds any one non-interactive client run may take
SERVER_LIFETIME = 1800  # servers exit by themselves after this, should we die before stopping them
POLL = 0.005  # seconds between screen reads


def log(message: str) -> None:
    """Progress goes to stderr so that stdout holds only the report."""
    print(message, file=sys.stderr, flush=True)
