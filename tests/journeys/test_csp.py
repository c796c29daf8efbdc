"""The browser enforces the site's Content-Security-Policy, and the journeys' `page` fixture hears every refusal."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_inline_code_is_refused_and_recorded(live_server, page, csp_violations):
    page.goto(live_server.url + "/over/")
    page.wait_for_load_state("load")
    assert csp_violations == []
    # What a template or a view might slip in: a style attribute, an inline script, a handler.
    page.evaluate("""() => {
        document.querySelector("main").insertAdjacentHTML("beforeend",
            '<p id="styled" style="color: rgb(255, 0, 0)">rood</p>' +
            '<img id="handler" src="/static/img/favicon.svg" onload="document.title = \\'ran\\'">');
        const script = document.createElement("script");
        script.textContent = "window.inlineRan = true;";
        document.body.appendChild(script);
    }""")
    page.wait_for_function("() => document.getElementById('handler').complete")
    page.wait_for_timeout(200)  # the violation events are dispatched asynchronously
    assert page.evaluate("() => window.inlineRan") is None
    assert page.title() != "ran"
    assert page.evaluate("() => getComputedStyle(document.getElementById('styled')).color") != "rgb(255, 0, 0)"
    reported = [text for text in csp_violations if text.endswith(" blocked inline on /over/")]
    assert sorted(text.split(" ")[0] for text in reported) == ["script-src-attr", "script-src-elem",
                                                               "style-src-attr"]
    console = [text for text in csp_violations if "violates the following Content Security Policy directive" in text]
    assert sorted(text.split(" violates")[0] for text in console) == [  # the console's messages too
        "Applying inline style", "Executing inline event handler", "Executing inline script"]
    csp_violations.clear()  # recorded as they should be; the fixture would fail the test otherwise
