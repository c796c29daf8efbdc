"""What an attack test asserts about a response: where a redirect goes, and that HTML runs nothing."""

import re
from urllib.parse import urlsplit

from tests.helpers import parse_html_text

OUR_HOST = "testserver"
# What a browser drops or treats as a slash before it reads a URL (WHATWG URL parsing).
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
SAFE_SCHEMES = {"http", "https", "mailto"}


def browser_view(url: str) -> str:
    """The URL as a browser reads it: leading/trailing C0 and space gone, tabs and newlines removed anywhere,
    backslashes as slashes."""
    return _TAB_OR_NEWLINE.sub("", url.strip(_C0_AND_SPACE)).replace("\\", "/")


def stays_on_site(location: str) -> bool:
    """True when a Location header can only lead to a page of ours."""
    url = browser_view(location)
    if url.startswith("//"):
        return False
    parts = urlsplit(url)
    if parts.scheme:
        return parts.scheme in {"http", "https"} and parts.hostname == OUR_HOST
    return not parts.netloc


def unsafe_url(url: str) -> bool:
    """An href/src that runs script or data when followed: any scheme other than http(s) and mailto."""
    url = browser_view(url)
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
    return bool(match) and match.group(1).lower() not in SAFE_SCHEMES


def script_problems(html: str) -> list[str]:
    """Everything in an HTML text that could run script: <script> without src from us, on* attributes,
    href/src/action/formaction with an unsafe scheme, and elements that embed other documents."""
    problems = []
    root = parse_html_text(html)
    for node in root.descendants():
        if node.tag in {"iframe", "object", "embed", "frame", "frameset", "base"}:
            problems.append(f"<{node.tag}>")
        if node.tag == "script" and not (node.get("src") or "").startswith("/static/"):
            problems.append(f"<script {node.attrs}>")
        for name, value in node.attrs.items():
            if name.startswith("on"):
                problems.append(f"<{node.tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction", "xlink:href", "srcset", "background", "poster"} \
                    and value and unsafe_url(value):
                problems.append(f"<{node.tag} {name}={value!r}>")
        if node.tag == "meta" and (node.get("http-equiv") or "").lower() == "refresh":
            problems.append("<meta http-equiv=refresh>")
    return problems
