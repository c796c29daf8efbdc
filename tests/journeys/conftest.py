"""Headless Chromium for the browser journeys, axe-core, and logging in as a member.

Every page a journey opens runs under the site's Content-Security-Policy; the `page` fixture records each
violation the browser reports (the `securitypolicyviolation` event and the console's "Refused to …" messages)
and fails the test at teardown if there was one.
"""

import os

import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "een-heel-lang-wachtwoord-2026"
# Runs in every document before its own scripts; reports to Python, so violations survive navigation.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI} on ${document.location.pathname}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "") +
    (event.sample ? `: ${event.sample}` : ""));
});
"""


def is_csp_message(text: str) -> bool:
    return "Content Security Policy" in text or text.startswith("Refused to")


@pytest.fixture
def csp_violations():
    """What the browser refused under the Content-Security-Policy during the test; any fails it."""
    violations: list[str] = []
    yield violations
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)


def record_csp_violations(context, violations: list[str]) -> None:
    context.expose_function("__reportCspViolation", lambda text: violations.append(text))
    context.add_init_script(CSP_LISTENER)
    context.on("console", lambda message: violations.append(message.text) if is_csp_message(message.text) else None)


@pytest.fixture
def page(monkeypatch, csp_violations):
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test are still
    # plain synchronous code. (monkeypatch restores the variable, so it never leaks into other tests.)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        context = browser.new_context(locale="nl-NL", accept_downloads=True)
        record_csp_violations(context, csp_violations)
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
        browser.close()


def assert_accessible(page):
    """axe-core's WCAG checks of the page, once it has loaded (a navigation under way has no document yet)."""
    page.wait_for_load_state()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def can_log_in(user):
    """Give a factory user a password and a verified address, as after signing up."""
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def log_in(page, live_server, email):
    page.context.clear_cookies()
    page.goto(live_server.url + "/account/login/")
    page.get_by_label("E-mail:").fill(email)
    page.get_by_label("Wachtwoord:").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server.url + "/")
