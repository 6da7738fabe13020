"""Build the wheel, install it into a fresh virtual environment and run the suite there,
with the source tree out of the path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.wheel
#: The tiers run against the installed wheel: the everyday tests and the slow ones.
EVERY = "not wheel and not browser and not spreadsheet"

if os.environ.get("SISTER_AGREEMENTS_REPO"):
    pytest.skip("already running against the installed wheel", allow_module_level=True)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
    )
    (built,) = out.glob("sister_agreements-*.whl")
    return built


def test_wheel_carries_data_py_typed_and_the_console_script(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    assert "sister_agreements/py.typed" in names
    for data in ("agreements.json", "agreements.sha256", "agreements.schema.json", "names.json"):
        assert f"sister_agreements/data/{data}" in names
    for shapes in ("prefectures.json", "world.json", "japanmap.LICENSE.txt"):
        assert f"sister_agreements/data/geometry/{shapes}" in names
    assert "sister_agreements/data/names.json" in names
    (entry_points,) = [name for name in names if name.endswith("entry_points.txt")]
    assert "sister-agreements = sister_agreements.cli:main" in archive.read(entry_points).decode()
    assert not any(name.startswith(("tools/", "tests/", "data-raw/")) for name in names)


def test_suite_passes_against_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    extras = "test,build,check,pandas,plot,dev,docs,parquet,xlsx,graph"
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"{wheel}[{extras}]"], check=True)
    tests = tmp_path / "tests"
    shutil.copytree(REPO / "tests", tests)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["SISTER_AGREEMENTS_REPO"] = str(REPO)
    result = subprocess.run(
        # Every tier but this one and those that need other applications: the slow too.
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", EVERY, str(tests)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    location = subprocess.run(
        [str(python), "-c", "import sister_agreements; print(sister_agreements.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(env_dir) in location and str(REPO / "src") not in location


def test_sdist_carries_the_sources_and_rebuilds_the_data(tmp_path: Path) -> None:
    import tarfile

    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    (sdist,) = tmp_path.glob("sister_agreements-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path, filter="data")
    root = tmp_path / sdist.name.removesuffix(".tar.gz")
    for needed in (
        "data-raw/report.txt",
        "tools/build_dataset.py",
        "tests/test_data.py",
        "mkdocs.yml",
        "CITATION.cff",
    ):
        assert f"{root.name}/{needed}" in names
    result = subprocess.run(
        [sys.executable, str(root / "tools" / "build_dataset.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
