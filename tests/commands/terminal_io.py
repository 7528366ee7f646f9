"""Reading what a command wrote to a pseudo-terminal (the tests of colour and progress)."""

from __future__ import annotations

import os


def drain(leader: int) -> bytes:
    """Everything the follower side wrote, until it closed; closes ``leader``."""
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # Linux: the follower closed
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return out
