"""Real headless Chromium (Debian's, driven by Playwright) for the browser tests, and one visit of the app in it.

Screenshots go under ``test-artifacts/ui/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.support import ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "ui"
VIEWPORT = {"width": 1400, "height": 1000}


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Chromium, closed afterwards."""
    assert Path(CHROMIUM).exists(), "browser tests need Debian's chromium: apt-get install chromium"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=flags)
        try:
            yield browser
        finally:
            browser.close()


class Visit:
    """One browser session on the app, recording console errors and every host the page contacts."""

    def __init__(self, browser: Browser | BrowserContext, url: str) -> None:
        """A new page of ``browser`` (or of a context, e.g. one signed in) on the app at ``url``."""
        self.page: Page = browser.new_page(**({"viewport": VIEWPORT} if isinstance(browser, Browser) else {}))
        self.errors: list[str] = []
        self.hosts: set[str] = set()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.hosts.add(r.url.split("/")[2]) if "://" in r.url else None)
        self.page.goto(url, wait_until="domcontentloaded")
        self.page.locator("#na-question textarea").wait_for()

    def ask(self, question: str) -> str:
        """Type the question, wait for its answer, return the answer's text."""
        answers = self.page.locator("#na-chat [data-testid='bot']")
        before = answers.count()
        box = self.page.locator("#na-question textarea")
        box.fill(question)
        box.press("Enter")
        expect(answers).to_have_count(before + 1, timeout=60_000)
        expect(answers.last).not_to_contain_text("Searching the articles", timeout=60_000)
        return answers.last.inner_text()

    def shot(self, name: str) -> None:
        self.page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def sign_in_page(browser: Browser, url: str, name: str, password: str) -> tuple[BrowserContext, Page]:
    """A fresh browser context (its own cookies) on the app's sign-in page, the name and password submitted."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.locator("input[data-testid=textbox]").fill(name)
    page.locator("input[data-testid=password]").fill(password)
    page.get_by_role("button", name="Login").click()
    return context, page
