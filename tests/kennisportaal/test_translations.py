"""The Dutch catalogue: informal ("je"), and the words people ran into."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests import factories

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.mo"
FORMAL = re.compile(r"\b(u|U|uw|Uw|UW)\b|a\.u\.b\.|alstublieft")


def test_our_catalogue_is_informal():
    with CATALOGUE.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    formal = {msgid: text for msgid, text in catalogue.items() if msgid and FORMAL.search(text)}
    assert formal == {}


def test_change_is_a_verb_except_in_the_moderation_log():
    with translation.override("nl"):
        assert translation.gettext("Change") == "Wijzigen"
        assert translation.pgettext("moderation log column: the change of state", "Change") == "Wijziging"


@pytest.mark.django_db
def test_event_page_offers_to_change_the_profile(client, member, event):
    html = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert re.search(r'<a href="/mijn/profiel/">([^<]*)</a></p>', html).group(1) == "Wijzigen"


@pytest.mark.django_db
def test_admin_index_names_our_users_app_apart_from_allauths_accounts(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    html = client.get(reverse("admin:index")).content.decode()
    captions = re.findall(r'<caption>\s*<a href="[^"]*" class="section"[^>]*>([^<]+)</a>', html)
    assert "Gebruikers" in captions and "Accounts" in captions
    assert len(captions) == len(set(captions))
