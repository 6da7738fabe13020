"""A real browser: a generated report and the built docs site, served on 127.0.0.1, open in
headless Chromium with no console error and no request to any other host, and the
report's charts are in the rendered page.

The browser tier (``pytest -m browser``) needs Debian's ``chromium`` and
``chromium-driver`` (``.ci/run`` installs them), Selenium (``pip install selenium``),
the ``plot`` extra and the ``docs`` extra. Selenium is given the driver's path, so that its
selenium-manager never looks for (or downloads) a driver. Screenshots of the report in
both languages are written to a folder the test prints (``SCREENSHOTS``, or a temporary
folder), to be looked at.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import REPO

import sister_agreements as sa
from sister_agreements import report

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: Requests that never leave the browser (chrome-untrusted: its own new-tab page, which it
#: may load at start whatever page is opened).
LOCAL_SCHEMES = {
    "data", "about", "blob", "chrome", "chrome-extension", "chrome-untrusted", "devtools"
}  # fmt: skip


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No log lines on standard error."""


@contextlib.contextmanager
def served(directory: Path) -> Iterator[str]:
    """``directory`` served on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium driven by Selenium through Debian's chromedriver."""
    webdriver = pytest.importorskip("selenium.webdriver")
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            pytest.fail(f"{path} is missing: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.add_argument("--window-size=1280,1000")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots in {folder}")
    return folder


def visit(driver: Any, url: str) -> tuple[list[str], list[str]]:
    """Open ``url``; the console's errors (level SEVERE) and the URLs of the requests made
    to any host but 127.0.0.1 meanwhile (from the performance log's Network events)."""
    driver.get_log("browser")  # drop what came before
    driver.get_log("performance")
    driver.get(url)
    driver.execute_async_script(  # wait for the page and its fonts, a frame, then a second:
        # the site's search worker loads its scripts after the page, and leaving the page
        # before they came would log the aborted load as an error of the next page
        "const done = arguments[0];"
        "document.fonts.ready.then(() => requestAnimationFrame(() => setTimeout(done, 1000)));"
    )
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    outside = [
        u
        for u in requests
        if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).hostname != "127.0.0.1"
    ]
    return errors, outside


def system_fonts(driver: Any, selector: str) -> set[str]:
    """The fonts of the system that drew any text of the elements ``selector`` finds (the
    DevTools protocol's ``CSS.getPlatformFontsForNode``): none where the page's own font
    drew every character, as a report's does (a system font would be a fallback for a
    glyph the page's font lacks, a box where the system has no Japanese font)."""
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    nodes = driver.execute_cdp_cmd("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
    return {
        font["familyName"]
        for node in nodes["nodeIds"]
        for font in driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        if not font["isCustomFont"]
    }


def screenshot(driver: Any, path: Path) -> None:
    """The whole page as PNG (the window made as tall as the page, at most 12000 pixels)."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(int(height) + 100, 12000))
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1000)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_in_a_browser(
    ds: sa.Dataset, browser: Any, screenshots: Path, tmp_path: Path, lang: Any
) -> None:
    subject = report.describe(lang, prefecture="静岡")
    built = report.build(ds.filter(prefecture="静岡"), lang=lang, subject=subject)
    built.to_html(tmp_path / "shizuoka.html")
    with served(tmp_path) as base:
        errors, outside = visit(browser, base + "shizuoka.html")
        assert errors == []
        assert outside == []
        from selenium.webdriver.common.by import By

        for chart in built.charts:
            (svg,) = browser.find_elements(By.CSS_SELECTOR, f"svg#sa-{chart.key}")
            assert svg.is_displayed()
            assert svg.size["width"] > 300  # laid out, not collapsed
        assert [c.key for c in built.charts] == ["by-year", "field-by-country", "map"]
        shizuoka = browser.find_element(By.CSS_SELECTOR, "svg#sa-map g#sa-map-pref-22 path")
        assert shizuoka.size["width"] > 5  # the prefecture drawn, not collapsed
        assert system_fonts(browser, "h1, h2, p, th, td, pre, a") == set()
        screenshot(browser, screenshots / f"shizuoka-{lang}.png")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs site as ``mkdocs build`` writes it."""
    folder = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)]
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, env=environment)
    return folder


@pytest.mark.parametrize("page", ["", "tutorial/", "gallery/", "api/"])
def test_the_docs_site_in_a_browser(site: Path, browser: Any, screenshots: Path, page: str) -> None:
    with served(site) as base:
        errors, outside = visit(browser, base + page)
        assert errors == []
        assert outside == []
        images = browser.execute_script(
            "return [...document.images].map(i => [i.getAttribute('src'), i.naturalWidth])"
        )
        assert all(width > 0 for _, width in images), images
        if page == "gallery/":
            assert len(images) >= 4
            screenshot(browser, screenshots / "docs-gallery.png")
