"""Describing the machine the numbers come from: CPU, memory, kernel, and how busy it is."""
import os
import platform

from config import MIB


def loadavg() -> str:
    """The 1-minute load average: other work on the machine skews every time measured."""
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "?"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def memory() -> str:
    try:
        with open("/proc/meminfo") as f:
            return f", {int(f.readline().split()[1]) / MIB:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        return ""


def describe() -> str:
    return f"{os.cpu_count()} × {cpu_model()}{memory()}, {platform.system()} {platform.release()}"
