"""Uploads: forged content types, double extensions, SVG/HTML and executables are refused with a Dutch form
error; what is accepted (its first bytes match its extension) is only ever served as a download, with the
sandbox CSP and nosniff.

The one upload field is a practice's attachment (``practices.forms.AttachmentForm``).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from practices.models import Practice, PracticeAttachment
from tests.helpers import formset, parse_html, practice_data

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF"
ZIP = b"PK\x03\x04\x14\x00\x06\x00"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
PHP = b"<?php system($_GET['c']); ?>"

WRONG_TYPE = ("Dit bestandstype is niet toegestaan. Gebruik PDF, Word, Excel, PowerPoint, PNG of JPG.")
WRONG_CONTENT = "De inhoud van dit bestand past niet bij de extensie."

REFUSED = [
    ("malware.pdf", EXE, "application/pdf", WRONG_CONTENT),
    ("malware.exe", EXE, "application/octet-stream", WRONG_TYPE),
    ("pagina.pdf", HTML, "application/pdf", WRONG_CONTENT),
    ("pagina.html", HTML, "text/html", WRONG_TYPE),
    ("pagina.htm", HTML, "application/pdf", WRONG_TYPE),
    ("rapport.pdf.html", HTML, "application/pdf", WRONG_TYPE),
    ("rapport.pdf.htm", PDF, "application/pdf", WRONG_TYPE),
    ("x.php", PHP, "application/pdf", WRONG_TYPE),
    ("x.php.pdf", PHP, "application/pdf", WRONG_CONTENT),
    ("x.pdf.php", PDF, "application/pdf", WRONG_TYPE),
    ("logo.svg", SVG, "image/svg+xml", WRONG_TYPE),
    ("logo.png", SVG, "image/png", WRONG_CONTENT),
    ("logo.svg.png", SVG, "image/png", WRONG_CONTENT),
    ("foto.jpg", PNG, "image/jpeg", WRONG_CONTENT),
    ("foto.jpeg", HTML, "image/jpeg", WRONG_CONTENT),
    ("tabel.xlsx", PDF, "application/vnd.ms-excel", WRONG_CONTENT),
    ("verslag.docx", HTML, "application/msword", WRONG_CONTENT),
    ("rapport", PDF, "application/pdf", WRONG_TYPE),
    ("rapport.", PDF, "application/pdf", WRONG_TYPE),
    ("rapport.pdf ", PDF, "application/pdf", WRONG_TYPE),
    ("rapport\u202efdp.exe", EXE, "application/pdf", WRONG_TYPE),
    ("script.js", b"alert(1)", "application/pdf", WRONG_TYPE),
    ("pagina.xhtml", HTML, "application/pdf", WRONG_TYPE),
    ("pagina.shtml", HTML, "text/html", WRONG_TYPE),
    ("archief.zip", ZIP, "application/zip", WRONG_TYPE),
    ("film.swf", b"FWS\x09", "application/x-shockwave-flash", WRONG_TYPE),
    ("bericht.eml", b"From: a@b.nl\r\n\r\nhoi", "message/rfc822", WRONG_TYPE),
]


def _post(client, o, upload):
    data = practice_data(o["a"], o["theme"], title="Met bijlage")
    data.update(formset("attachments", [{"title": "Bijlage", "file": upload}]))
    return client.post(reverse("practices:create"), data)


@pytest.mark.parametrize("name, content, content_type, error", REFUSED, ids=[r[0] for r in REFUSED])
def test_dangerous_upload_is_refused_with_a_dutch_error(client, world, name, content, content_type, error):
    users, o = world
    client.force_login(users["member"])
    before = PracticeAttachment.objects.count()
    response = _post(client, o, SimpleUploadedFile(name, content, content_type=content_type))
    assert response.status_code == 200
    errors = [node.text for node in parse_html(response).find_all(cls="field-error")]
    assert errors == [error]
    assert not Practice.objects.filter(title="Met bijlage").exists()
    assert PracticeAttachment.objects.count() == before


def test_an_oversized_upload_is_refused_with_a_dutch_error(client, world, monkeypatch):
    monkeypatch.setattr("practices.forms.MAX_ATTACHMENT_BYTES", 100)
    users, o = world
    client.force_login(users["member"])
    response = _post(client, o, SimpleUploadedFile("groot.pdf", PDF + b"x" * 100, content_type="application/pdf"))
    assert [node.text for node in parse_html(response).find_all(cls="field-error")] == [
        "Dit bestand is 134 bytes; het maximum is 10 MB."]
    assert not Practice.objects.filter(title="Met bijlage").exists()


ACCEPTED = [
    ("rapport.pdf", PDF, "application/pdf"),
    ("RAPPORT.PDF", PDF, "text/html"),  # the browser's content type is never trusted nor echoed
    ("polyglot.pdf", PDF + b"\n<html><script>alert(1)</script></html>", "text/html"),
    ("x.php.pdf", PDF, "application/x-php"),
    ("rapport.html.pdf", PDF, "text/html"),
    ("foto.png", PNG, "image/svg+xml"),
    ("foto.jpg", JPG, "text/html"),
    ("verslag.docx", ZIP, "text/html"),
    ("../../../etc/passwd.pdf", PDF, "application/pdf"),
    ("<img src=x onerror=alert(1)>.pdf", PDF, "application/pdf"),
]


@pytest.mark.parametrize("name, content, content_type", ACCEPTED, ids=[r[0] for r in ACCEPTED])
def test_an_accepted_upload_is_served_only_as_a_sandboxed_download(client, world, name, content, content_type):
    users, o = world
    client.force_login(users["member"])
    response = _post(client, o, SimpleUploadedFile(name, content, content_type=content_type))
    assert response.status_code == 302
    attachment = PracticeAttachment.objects.get(practice__title="Met bijlage")
    assert ".." not in attachment.file.name and "/etc/" not in attachment.file.name
    download = client.get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment; filename=")
    assert download["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert not download["Content-Type"].startswith(("text/html", "image/svg", "application/xhtml"))
    assert b"".join(download.streaming_content) == content
