"""Render a graph.html to PNG in headless Chromium (for the README screenshot).

Usage::

    python scripts/screenshot.py outputs/graph.html docs/graph-article.png [--width 1400 --height 900]
        [--focus "Lammy"] [--expand] [--doc 0] [--etype Meet] [--timeout 30]
    python scripts/screenshot.py --synthetic 5000 docs/graph-overview.png   # the synthetic corpus graph

Waits until the page sets ``window.graphbuildReady`` (default view drawn),
optionally picks a document or an event type, searches a name so the side
panel shows its details (``--expand`` then opens its neighbourhood), and saves
the screenshot.  ``--synthetic N`` draws ``tests/web_graphs.big_graph(N)``,
a made-up corpus-sized graph, instead of a page file.  Needs Debian's
``chromium`` and ``chromium-driver`` (or set ``CHROMIUM`` / ``CHROMEDRIVER``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHROME_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chromium_paths() -> tuple[str | None, str | None]:
    """The Chromium binary and chromedriver to use (None when missing)."""
    chrome = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    return chrome, driver


def make_driver(user_data_dir: str, width: int = 1400, height: int = 900, logs: bool = False) -> Any:
    """A headless Chromium WebDriver with a fresh profile in ``user_data_dir``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chrome, driver = chromium_paths()
    if chrome is None or driver is None:
        raise SystemExit("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for a in CHROME_ARGS:
        opts.add_argument(a)
    opts.add_argument(f"--user-data-dir={user_data_dir}")
    opts.add_argument(f"--window-size={width},{height}")
    if logs:
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=opts)


def wait_ready(drv: Any, timeout: float) -> float:
    """Seconds until ``window.graphbuildReady`` turns true (raises TimeoutError)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if drv.execute_script("return window.graphbuildReady === true"):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"graph not ready after {timeout} s")


def _choose(drv: Any, select_id: str, value: str) -> None:
    """Pick an option of one of the page's header menus, by value or by its text."""
    ok = drv.execute_script(
        "var s = document.getElementById(arguments[0]);"
        "var o = Array.from(s.options).find(o => o.value === arguments[1] || o.text.indexOf(arguments[1]) === 0);"
        "if (!o) { return false; } s.value = o.value; s.dispatchEvent(new Event('change')); return true;",
        select_id,
        value,
    )
    if not ok:
        raise SystemExit(f"{select_id}: no option {value!r}")


def screenshot(html: Path, png: Path, width: int = 1400, height: int = 900, focus: str | None = None,
               timeout: float = 30.0, expand: bool = False, doc: str | None = None,
               etype: str | None = None) -> None:
    """Save a PNG of ``html`` as drawn in headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="gb-chrome-") as profile:
        drv = make_driver(profile, width, height)
        try:
            drv.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            )
            drv.get(html.resolve().as_uri())
            wait_ready(drv, timeout)
            if doc is not None:
                _choose(drv, "gb-doc", doc)
            if etype is not None:
                _choose(drv, "gb-etype", etype)
            if focus:
                from selenium.webdriver.common.by import By
                from selenium.webdriver.common.keys import Keys

                box = drv.find_element(By.ID, "gb-search")
                box.send_keys(focus)
                box.send_keys(Keys.ENTER)
                if expand:
                    button = next(b for b in drv.find_elements(By.CSS_SELECTOR, "#gb-panel .gb-action")
                                  if b.text == "Expand")
                    button.click()
            time.sleep(0.5)
            png.parent.mkdir(parents=True, exist_ok=True)
            drv.save_screenshot(str(png))
        finally:
            drv.quit()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("html", type=Path, nargs="?", help="the page (or use --synthetic)")
    p.add_argument("png", type=Path)
    p.add_argument("--synthetic", type=int, metavar="N", help="draw the synthetic corpus graph of N nodes")
    p.add_argument("--expand", action="store_true", help="with --focus: open that node's neighbourhood")
    p.add_argument("--doc", help="show one document (its index or the start of its title)")
    p.add_argument("--etype", help="show one event type")
    p.add_argument("--width", type=int, default=1400)
    p.add_argument("--height", type=int, default=900)
    p.add_argument("--focus", help="search this name first, so the side panel shows it")
    p.add_argument("--timeout", type=float, default=30.0)
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gb-shot-") as tmp:
        if a.synthetic:
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
            from graphbuild.exporters.web import write_html
            from tests.web_graphs import big_graph

            a.html = Path(tmp) / "synthetic.html"
            write_html(big_graph(a.synthetic), a.html)
        if a.html is None or not a.html.is_file():
            print(f"{a.html}: no such file", file=sys.stderr)
            return 2
        screenshot(a.html, a.png, a.width, a.height, a.focus, a.timeout, a.expand, a.doc, a.etype)
    print(a.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
