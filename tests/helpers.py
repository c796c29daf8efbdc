"""Helpers for building form posts in tests."""

from datetime import timedelta
from html.parser import HTMLParser

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from tests import factories


def clear_own_cache():
    """Empty the cache of this test process only.

    On Redis only this process's keys go: the database is shared with the Celery broker and with the other test
    processes (xdist), so a FLUSHDB would pull messages and cached entries from under their feet.
    """
    if settings.REDIS_URL:
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{settings.CACHES['default']['KEY_PREFIX']}:*", count=1000))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


def formset(prefix, rows=(), total=None):
    data = {f"{prefix}-TOTAL_FORMS": str(total if total is not None else max(len(rows), 1)),
            f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def text_of(response) -> str:
    return response.content.decode()


def practice_data(coalition, theme, **overrides):
    data = {
        "title": "Oudercoördinator in de wijk", "summary": "Meer ouders in de school.", "school_type": "po",
        "coalition": coalition.pk, "approach": "We zetten een **oudercoördinator** in.", "themes": [theme.pk],
        "mechanisms": [factories.mechanism("coordinatie").pk],
        **formset("links", [{"title": "Website", "url": "https://example.org/buitenkans"}]),
        **formset("attachments", total=0),
    }
    data.update(overrides)
    return data


def event_data(coalition, **overrides):
    start = timezone.localtime() + timedelta(days=20)
    data = {
        "title": "Vervolg: school en kinderopvang", "kind": "inspiratiemiddag", "organiser": coalition.pk,
        "summary": "Samen oplossingen zoeken.", "starts_at": start.strftime("%Y-%m-%dT13:00"),
        "ends_at": start.strftime("%Y-%m-%dT17:00"), "venue_name": "Cultuurhuis", "city": "Veendam",
        "capacity": "60",
        **formset("programme", [{"starts_at": "13:00", "ends_at": "13:30", "title": "Welkom", "speaker": "Marja"}]),
        **formset("stands", total=0),
    }
    data.update(overrides)
    return data


def users(n):
    return [factories.UserFactory(email=f"deelnemer{i}@example.org", organisation_name="OBS Winsum")
            for i in range(n)]


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    """An element of a parsed page: its tag, attributes, children and text."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent=None):
        self.tag, self.attrs, self.parent, self.children, self.parts = tag, attrs, parent, [], []

    def __getitem__(self, name: str):
        return self.attrs[name]

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()

    def find_all(self, tag: str | None = None, *, cls: str | None = None, **attrs) -> list["Node"]:
        """Descendants with the tag, the class and the attributes given.

        ``data_x`` stands for ``data-x`` and ``for_`` for ``for``; the value True asks only that it is present.
        """
        wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}
        return [node for node in self.descendants()
                if (tag is None or node.tag == tag) and (cls is None or cls in node.classes())
                and all((name in node.attrs) if value is True else node.attrs.get(name) == value
                        for name, value in wanted.items())]

    def find(self, tag: str | None = None, **kwargs) -> "Node | None":
        found = self.find_all(tag, **kwargs)
        return found[0] if found else None

    def by_id(self, id_: str) -> "Node | None":
        return self.find(id=id_)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = self.current = Node("document", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID_ELEMENTS:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node.parent is not None and node.tag != tag:
            node = node.parent
        if node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        node = self.current
        while node is not None:
            node.parts.append(data)
            node = node.parent


def parse_html(response) -> Node:
    """The page of a response as a tree of elements."""
    return parse_html_text(response.content.decode())


def parse_html_text(html: str) -> Node:
    """An HTML text (an email's HTML body, say) as a tree of elements."""
    builder = _TreeBuilder()
    builder.feed(html)
    return builder.root
