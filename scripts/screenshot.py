"""Render a graph.html to PNG in headless Chromium (for the README screenshot).

Usage::

    python scripts/screenshot.py outputs/seed/graph.html docs/seed-graph.png [--width 1400 --height 900]
        [--focus "Lammy"] [--timeout 30]

Waits until the page sets ``window.graphbuildReady`` (graph drawn and settled),
optionally searches a name so the side panel shows its details, then saves the
screenshot.  Needs Debian's ``chromium`` and ``chromium-driver`` (or set
``CHROMIUM`` / ``CHROMEDRIVER``).
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


def screenshot(html: Path, png: Path, width: int = 1400, height: int = 900, focus: str | None = None,
               timeout: float = 30.0) -> None:
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
            if focus:
                from selenium.webdriver.common.by import By
                from selenium.webdriver.common.keys import Keys

                box = drv.find_element(By.ID, "gb-search")
                box.send_keys(focus)
                box.send_keys(Keys.ENTER)
                time.sleep(0.8)  # let the focus animation finish
            png.parent.mkdir(parents=True, exist_ok=True)
            drv.save_screenshot(str(png))
        finally:
            drv.quit()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("html", type=Path)
    p.add_argument("png", type=Path)
    p.add_argument("--width", type=int, default=1400)
    p.add_argument("--height", type=int, default=900)
    p.add_argument("--focus", help="search this name first, so the side panel shows it")
    p.add_argument("--timeout", type=float, default=30.0)
    a = p.parse_args(argv)
    if not a.html.is_file():
        print(f"{a.html}: no such file", file=sys.stderr)
        return 2
    screenshot(a.html, a.png, a.width, a.height, a.focus, a.timeout)
    print(a.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
