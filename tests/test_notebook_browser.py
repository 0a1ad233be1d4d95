"""graphbuild.show() in a real headless Chromium: the inline frame draws the graph offline, as Jupyter shows it."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.exporters.test_web_browser import driver, outside  # noqa: F401  (fixture)
from tests.web_graphs import seed_graph

pytestmark = pytest.mark.external


def test_show_draws_inside_the_notebook_frame(driver: Any, tmp_path: Path) -> None:  # noqa: F811
    """A page holding _repr_html_() (as a notebook output does) gets a ready, drawn graph and makes no request."""
    import graphbuild

    view = graphbuild.show(seed_graph(), height=500)
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body><h1>Out[1]:</h1>{view._repr_html_()}</body></html>", encoding="utf-8")
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(host.as_uri())
    from selenium.webdriver.common.by import By

    frame = driver.find_element(By.TAG_NAME, "iframe")
    assert frame.size["height"] == 500 + 2  # the requested height plus the border
    driver.switch_to.frame(frame)
    try:
        start = time.perf_counter()
        while not driver.execute_script("return window.graphbuildReady === true"):
            assert time.perf_counter() - start < 20, "graph never became ready in the frame"
            time.sleep(0.05)
        drawn = driver.execute_script("return Object.keys(network.getPositions()).length")
        assert drawn >= 10
        w, h = driver.execute_script("var c = document.querySelector('#mynetwork canvas'); return [c.clientWidth, c.clientHeight];")
        assert w > 200 and h > 200
    finally:
        driver.switch_to.default_content()
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == []
    urls = [
        json.loads(e["message"])["message"]["params"]["request"]["url"]
        for e in driver.get_log("performance")
        if json.loads(e["message"])["message"].get("method") == "Network.requestWillBeSent"
    ]
    assert outside([u for u in urls if not u.startswith("about:")]) == []
