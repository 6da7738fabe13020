"""Files are replaced whole or left as they were; text file objects are written directly."""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sister_agreements import _atomic
from sister_agreements._atomic import shown, write_bytes, write_text


class _Failing(io.FileIO):
    """A file whose first write writes half of its data and then raises ``error``."""

    error: BaseException = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def write(self, data: Any) -> int:
        super().write(bytes(data)[: len(data) // 2])
        raise self.error


def fail_writes(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make the next files ``_atomic`` opens fail half way with ``error``."""

    def failing_open(file: int, mode: str) -> io.FileIO:
        handle = _Failing(file, mode)
        handle.error = error
        return handle

    monkeypatch.setattr(_atomic, "open", failing_open, raising=False)


def old_file(tmp_path: Path, mode: int = 0o640) -> Path:
    path = tmp_path / "out.csv"
    path.write_bytes(b"old contents\n")
    path.chmod(mode)
    return path


def assert_untouched(path: Path, mode: int = 0o640) -> None:
    assert path.read_bytes() == b"old contents\n"
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert os.listdir(path.parent) == [path.name]  # no temporary file left


def test_a_new_file_gets_the_permissions_open_would_give(tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    umask = os.umask(0o027)
    try:
        write_text(path, "静岡,1\n", "utf-8")
    finally:
        os.umask(umask)
    assert path.read_bytes() == "静岡,1\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["new.csv"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, mode: int) -> None:
    path = old_file(tmp_path, mode)
    write_text(str(path), "new\n", "cp932")
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert os.listdir(tmp_path) == ["out.csv"]


def test_a_symbolic_link_is_followed(tmp_path: Path) -> None:
    target = old_file(tmp_path)
    link = tmp_path / "latest.csv"
    link.symlink_to(target.name)
    write_text(link, "new\n", "utf-8")
    assert link.is_symlink() and target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_device_is_written_in_place() -> None:
    write_text("/dev/null", "anything\n", "utf-8")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize(
    ("error", "raised"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), OSError),
        (OSError(errno.EIO, "Input/output error"), OSError),
        (KeyboardInterrupt(), KeyboardInterrupt),
        (MemoryError(), MemoryError),
    ],
)
def test_a_write_that_fails_half_way_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException, raised: type
) -> None:
    path = old_file(tmp_path)
    fail_writes(monkeypatch, error)
    with pytest.raises(raised) as caught:
        write_text(path, "new contents that never arrive\n" * 100, "utf-8")
    if isinstance(error, OSError):
        assert isinstance(caught.value, OSError)
        assert caught.value.errno == error.errno
        assert caught.value.filename == str(path)  # the path given, not the temporary file
        assert str(path) in str(caught.value)
    assert_untouched(path)


def test_an_unwritable_file_is_a_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = old_file(tmp_path, 0o444)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as if not root
    with pytest.raises(PermissionError) as caught:
        write_text(path, "new\n", "utf-8")
    assert caught.value.filename == str(path)
    assert_untouched(path, 0o444)


def test_errors_name_the_path_given(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir.csv"
    with pytest.raises(FileNotFoundError) as caught:
        write_text(missing, "x", "utf-8")
    assert caught.value.filename == str(missing)
    with pytest.raises(IsADirectoryError) as directory:
        write_text(tmp_path, "x", "utf-8")
    assert directory.value.filename == str(tmp_path)
    with pytest.raises(IsADirectoryError) as slash:
        write_text(f"{tmp_path}/new/", "x", "utf-8")
    assert slash.value.filename == f"{tmp_path}/new/" and os.listdir(tmp_path) == []
    with pytest.raises(FileNotFoundError) as empty:
        write_text("", "x", "utf-8")
    assert empty.value.filename == ""


@pytest.mark.parametrize(
    ("target", "name"),
    [(3, "int"), (b"out.csv", "bytes"), (bytearray(b"x"), "bytearray"), (None, "NoneType"),
     (io.BytesIO(), "BytesIO"), (1.5, "float")],
)  # fmt: skip
def test_only_paths_and_text_files(target: Any, name: str) -> None:
    with pytest.raises(TypeError, match=rf"or a text file object, not {name}$"):
        write_text(target, "x", "utf-8")


def test_a_bytes_path_like_is_a_type_error() -> None:
    class BytesPath:
        def __fspath__(self) -> bytes:
            return b"out.csv"

    with pytest.raises(TypeError, match=r"^a path must be str or os.PathLike\[str\], not bytes$"):
        write_text(BytesPath(), "x", "utf-8")  # type: ignore[arg-type]


def test_a_binary_file_opened_by_path_is_a_type_error(tmp_path: Path) -> None:
    with (tmp_path / "b.csv").open("wb") as handle, pytest.raises(TypeError):
        write_text(handle, "x", "utf-8")  # type: ignore[arg-type]


def test_a_text_file_object_is_written_and_left_open(tmp_path: Path) -> None:
    buffer = io.StringIO()
    write_text(buffer, "静岡\n", "cp932")
    assert buffer.getvalue() == "静岡\n" and not buffer.closed
    with (tmp_path / "t.csv").open("w", encoding="utf-8") as handle:
        write_text(handle, "a\n", "utf-8")
        assert not handle.closed
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == "a\n"


def test_an_unencodable_text_writes_nothing(tmp_path: Path) -> None:
    path = old_file(tmp_path)
    with pytest.raises(UnicodeEncodeError):
        write_text(path, "Kecskemét", "ascii")
    assert_untouched(path)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_arrive_whole(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    directory = tmp_path_factory.mktemp("bytes")
    path = directory / "data.bin"
    path.write_bytes(b"old")
    write_bytes(str(path), data)
    assert path.read_bytes() == data and os.listdir(directory) == ["data.bin"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/tmp/静岡.csv", "/tmp/静岡.csv"),
        (Path("out dir/a.csv"), "out dir/a.csv"),
        (os.fsdecode(b"/tmp/\xff.csv"), "'/tmp/\\udcff.csv'"),
        ("/tmp/a\nb.csv", "'/tmp/a\\nb.csv'"),
        ("/tmp/\x1b[31m.csv", "'/tmp/\\x1b[31m.csv'"),
    ],
)
def test_shown_escapes_what_cannot_be_printed(path: str | Path, expected: str) -> None:
    assert shown(path) == expected
