"""Writing a file so that it is either wholly replaced or left as it was.

A path to a regular file (or to no file yet) is written through a temporary file in the
same directory, flushed to disk and renamed over the path (``os.replace``, atomic on
POSIX and Windows), keeping the old file's permission bits. Whatever fails on the way (a
full disk, Ctrl-C), the temporary file is removed and the old file is untouched. A path
that is not a regular file (``/dev/stdout``, a FIFO) is written in place; an open text
file object is written directly and left open.

No library does this within the package's dependencies (attrs, cattrs and
importlib-resources); ``atomicwrites``, the usual choice, is deprecated by its author.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
from typing import TextIO

#: What the writers accept: a path (``str`` or ``os.PathLike[str]``) or a text file object.
Target = str | os.PathLike[str] | TextIO


def write_text(target: Target, text: str, encoding: str) -> None:
    """Write ``text`` to a path (replacing the file whole) or to a text file object.

    Args:
        target: a path, ``str`` or ``os.PathLike[str]``, or an open text file object
            (written as text in its own encoding, and not closed).
        text: what to write.
        encoding: the encoding of a file written to a path.

    Raises:
        TypeError: if ``target`` is neither a path nor a text file object (an ``int`` file
            descriptor, ``bytes``, a binary file object).
        OSError: if the file cannot be written; ``filename`` is the path as given, and the
            file that was there is unchanged.
        UnicodeEncodeError: if ``text`` cannot be written in ``encoding`` (nothing is written).
    """
    if isinstance(target, str | os.PathLike):
        write_bytes(path_text(target), text.encode(encoding))
    elif _is_text_file(target):
        target.write(text)
    else:
        raise TypeError(
            "expected a path (str or os.PathLike[str]) or a text file object, "
            f"not {type(target).__name__}"
        )


def path_text(path: object) -> str:
    """A path (``str`` or ``os.PathLike[str]``) as ``str``.

    Raises:
        TypeError: for anything else (``bytes``, an ``os.PathLike[bytes]``, an ``int``).
    """
    text = os.fspath(path) if isinstance(path, str | os.PathLike) else path
    if not isinstance(text, str):
        raise TypeError(f"a path must be str or os.PathLike[str], not {type(text).__name__}")
    return text


def _is_text_file(target: object) -> bool:
    binary = isinstance(target, io.RawIOBase | io.BufferedIOBase)
    return not binary and "b" not in str(getattr(target, "mode", "")) and hasattr(target, "write")


def write_bytes(path: str, data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, or leave it as it was.

    A symbolic link is followed: the file it points to is replaced. A path that exists
    and is not a regular file (a device, a FIFO) is written in place.

    Raises:
        OSError: the error of the step that failed (``PermissionError`` for a file that
            is not writable, ``IsADirectoryError``, ``FileNotFoundError`` for a missing
            directory, ``OSError`` with ``errno.ENOSPC`` for a full disk), with
            ``filename`` set to ``path``.
    """
    try:
        _replace(path, data)
    except OSError as error:
        raise OSError(error.errno, error.strerror or str(error), path) from error


def _replace(path: str, data: bytes) -> None:
    if not path:  # what open("") says, where realpath("") would name the current directory
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
    if path.endswith(("/", os.sep)):  # a directory's name, which realpath would strip
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    real = os.path.realpath(path)
    try:
        old: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        with open(real, "wb") as handle:
            handle.write(data)
        return
    if old is not None and not os.access(real, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    directory, name = os.path.split(real)
    temporary = os.path.join(directory, f".{name[:32]}.{secrets.token_hex(8)}.tmp")
    # 0o666 and the umask give a new file the permissions open() would give it.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is not None:
            os.chmod(temporary, stat.S_IMODE(old.st_mode))
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def shown(path: str | os.PathLike[str]) -> str:
    """A path as a message may show it: as given if printable, else quoted with escapes
    (``'/tmp/\\udcff.csv'`` for a name that is not valid in the file system's encoding)."""
    text = os.fsdecode(path)
    return text if text.isprintable() else repr(text)
