import pytest
from django.db import connection
from django.db.models import Count, Window
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from core.pagination import CappedPaginator, KeyedRows, paginate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def get(query=""):
    return RequestFactory().get(f"/lijst/{query}")


def test_plain_pagination_counts_everything(settings):
    settings.PAGE_SIZE = 2
    UserFactory.create_batch(5)
    page = paginate(get("?pagina=2"), User.objects.order_by("pk"))
    assert (page.number, page.paginator.count, page.paginator.num_pages) == (2, 5, 3)
    assert page.param == "pagina"


def test_bad_page_numbers_fall_back():
    UserFactory.create_batch(3)
    assert paginate(get("?pagina=abc"), User.objects.order_by("pk"), per_page=2).number == 1
    assert paginate(get("?pagina=99"), User.objects.order_by("pk"), per_page=2).number == 2


def test_capped_count_stops_at_the_cap():
    UserFactory.create_batch(5)
    page = paginate(get(), User.objects.order_by("pk"), per_page=2, capped=True, cap=3)
    assert (page.paginator.count, page.paginator.capped, page.paginator.num_pages) == (3, True, 2)
    assert page.paginator.count_display == "3+"
    assert [user.pk for user in page] == list(User.objects.order_by("pk").values_list("pk", flat=True)[:2])


def test_capped_count_below_the_cap_is_exact(settings):
    settings.PAGINATION_COUNT_CAP = 10
    UserFactory.create_batch(4)
    page = paginate(get(), User.objects.order_by("pk"), per_page=2, capped=True)
    assert (page.paginator.count, page.paginator.capped, page.paginator.count_display) == (4, False, "4")


def test_capped_count_reads_at_most_cap_plus_one_rows():
    UserFactory.create_batch(3)
    paginator = CappedPaginator(User.objects.order_by("pk"), 2, cap=2)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 2
    assert len(queries) == 1
    assert "LIMIT 3" in queries[0]["sql"]
    assert "ORDER BY" not in queries[0]["sql"]


def test_capped_count_from_another_queryset_counts_that_one_and_pages_the_list():
    users = UserFactory.create_batch(5)
    rows = User.objects.filter(pk__in=[user.pk for user in users[:4]])  # stands in for a cheaper table
    page = paginate(get(), User.objects.order_by("pk"), per_page=2, capped=True, cap=3, count_from=rows)
    assert (page.paginator.count, page.paginator.capped, page.paginator.num_pages) == (3, True, 2)
    assert [user.pk for user in page] == [users[0].pk, users[1].pk]
    one = rows.filter(pk=users[0].pk)
    page = paginate(get(), User.objects.order_by("pk"), per_page=2, capped=True, cap=10, count_from=one)
    assert (page.paginator.count, page.paginator.capped, page.paginator.num_pages) == (1, False, 1)


def test_a_keyed_list_reads_a_pages_keys_first_and_its_rows_by_key():
    users = UserFactory.create_batch(5)
    # The keys stand in for a cheaper table: newest first, one user left out (the rows' own filters still apply).
    keys = User.objects.exclude(pk=users[3].pk).order_by("-pk").values_list("pk", flat=True)
    rows = User.objects.exclude(pk=users[0].pk).order_by("-pk")
    with CaptureQueriesContext(connection) as queries:
        page = paginate(get("?pagina=2"), rows, per_page=2, capped=True, cap=10, keys=keys)
        listed = [user.pk for user in page]
    assert (page.paginator.count, page.paginator.capped, page.paginator.num_pages) == (4, False, 2)
    assert listed == [users[1].pk]  # the page's keys: users 1 and 0; user 0 is not among the rows
    assert len(queries) == 2
    count, read = (query["sql"] for query in queries)
    assert (count.count("SELECT"), "LIMIT 11" in count) == (2, True)  # the keys, counted to the cap
    assert (read.count("SELECT"), "LIMIT 2 OFFSET 2" in read, read.index("LIMIT") < read.rindex("ORDER BY")) == (
        2, True, True)  # the page is cut in the keys' subquery, the rows ordered after


def test_a_keyed_list_is_counted_from_its_count_queryset_when_given():
    users = UserFactory.create_batch(3)
    keys = User.objects.order_by("pk").values_list("pk", flat=True)
    page = paginate(get(), User.objects.order_by("pk"), per_page=2, capped=True, cap=10, keys=keys,
                    count_from=User.objects.filter(pk=users[0].pk))
    assert (page.paginator.count, [user.pk for user in page]) == (1, [users[0].pk])
    page = paginate(get(), User.objects.order_by("pk"), per_page=2, keys=keys)  # not capped: the keys counted
    assert (page.paginator.count, page.paginator.num_pages, [user.pk for user in page]) == (
        3, 2, [users[0].pk, users[1].pk])


def test_a_keyed_list_needs_order_and_is_read_by_slices():
    keys = User.objects.order_by("pk").values_list("pk", flat=True)
    with pytest.raises(TypeError):
        KeyedRows(User.objects.order_by(), keys)
    with pytest.raises(TypeError):
        KeyedRows(User.objects.order_by("pk"), User.objects.order_by().values_list("pk", flat=True))
    rows = KeyedRows(User.objects.order_by("pk"), keys)
    with pytest.raises(TypeError):
        rows[0]
    UserFactory.create_batch(2)
    assert (len(rows), rows.count(), rows.ordered) == (2, 2, True)


def test_count_display_groups_thousands():
    paginator = CappedPaginator(list(range(1500)), 20, cap=1000)
    assert (paginator.count, paginator.count_display) == (1000, "1.000+")


def test_capped_pages_say_they_are_the_first_pages():
    page = paginate(get("?pagina=2"), list(range(10)), per_page=2, capped=True, cap=5)
    html = render_to_string("includes/pagination.html", {"page": page, "request": get("?pagina=2")})
    assert "Pagina 2 van de eerste 3" in html
    uncapped = paginate(get("?pagina=2"), list(range(10)), per_page=2, capped=True, cap=50)
    html = render_to_string("includes/pagination.html", {"page": uncapped, "request": get("?pagina=2")})
    assert "Pagina 2 van 5" in html


@pytest.mark.parametrize(("users", "query", "expected"), [
    (2, "", (1, [1, 2], 2, 1, 1)),  # rows and count in one query
    (3, "", (1, [1, 2, 3], 3, 1, 1)),  # a full page: one row more was asked for, none found
    (4, "", (1, [1, 2, 3], 4, 2, 2)),  # more than a page: counted
    (4, "?pagina=2", (2, [4], 4, 2, 2)),  # a later page as usual: count and rows
])
def test_a_short_list_counts_only_when_its_first_page_is_full(users, query, expected):
    created = UserFactory.create_batch(users)
    rank = {user.pk: index for index, user in enumerate(created, start=1)}
    with CaptureQueriesContext(connection) as captured:
        page = paginate(get(query), User.objects.order_by("pk"), per_page=3, short=True)
        rows = [rank[user.pk] for user in page.object_list]
    assert (page.number, rows, page.paginator.count, page.paginator.num_pages, len(captured)) == expected


def test_a_given_count_is_not_counted_again():
    UserFactory.create_batch(3)
    with CaptureQueriesContext(connection) as captured:
        page = paginate(get(), User.objects.order_by("pk"), per_page=2, count=3)
        rows = list(page.object_list)
    assert (page.paginator.num_pages, len(rows), len(captured)) == (2, 2, 1)


class Walk(list):
    """A list that records how far it was read, as ``portal.visits.VisitChains`` reads its chains."""

    read = 0

    def __getitem__(self, index):
        if isinstance(index, slice):
            self.read = max(self.read, index.indices(len(self))[1])
        return super().__getitem__(index)


@pytest.mark.parametrize(("query", "cap", "expected"), [
    ("", None, (1, [0, 1, 2], True, 2, 4)),  # the page and one row more: a next page, how many unknown
    ("?pagina=2", None, (2, [3, 4, 5], True, 3, 7)),
    ("?pagina=3", None, (3, [6, 7, 8], False, 3, 9)),  # the last rows: the whole list is known
    ("?pagina=9", None, (3, [6, 7, 8], False, 3, 9)),  # past the end: counted, the last page
    ("?pagina=x", None, (1, [0, 1, 2], True, 2, 4)),
    ("?pagina=2", 6, (2, [3, 4, 5], False, 2, 6)),  # no further than the cap
    ("?pagina=5", 6, (2, [3, 4, 5], False, 2, 6)),
])
def test_a_look_ahead_list_reads_only_as_far_as_the_page_and_one_row(query, cap, expected):
    rows = Walk(range(9))
    page = paginate(get(query), rows, per_page=3, look_ahead=True, cap=cap)
    found = (page.number, list(page.object_list), page.paginator.open_ended, page.paginator.num_pages, rows.read)
    assert found == expected


def test_an_open_ended_page_does_not_say_how_many_pages_follow():
    page = paginate(get("?pagina=2"), list(range(10)), per_page=2, look_ahead=True)
    html = render_to_string("includes/pagination.html", {"page": page, "request": get("?pagina=2")})
    assert '<span class="page-current" aria-current="page">Pagina 2</span>' in html
    assert 'href="?pagina=3" rel="next"' in html and 'href="?pagina=1" rel="prev"' in html
    last = paginate(get("?pagina=5"), list(range(10)), per_page=2, look_ahead=True)
    html = render_to_string("includes/pagination.html", {"page": last, "request": get("?pagina=5")})
    assert "Pagina 5 van 5" in html and 'rel="next"' not in html


@pytest.mark.parametrize(("query", "expected"), [
    ("", (1, [1, 2], True, 1)),  # the page and one row more, in one query
    ("?pagina=2", (2, [3, 4], True, 1)),
    ("?pagina=3", (3, [5], False, 1)),
    ("?pagina=7", (3, [5], False, 3)),  # past the end: the empty read, a count, the last page
])
def test_a_look_ahead_queryset_is_read_once_per_page(query, expected):
    created = UserFactory.create_batch(5)
    rank = {user.pk: index for index, user in enumerate(created, start=1)}
    with CaptureQueriesContext(connection) as captured:
        page = paginate(get(query), User.objects.order_by("pk"), per_page=2, look_ahead=True)
        rows = [rank[user.pk] for user in page.object_list]
    assert (page.number, rows, page.paginator.open_ended, len(captured)) == expected


@pytest.mark.parametrize(("query", "cap", "expected"), [
    ("", 100, (1, [1, 2], 5, False, 3, 1)),  # the page's rows carry the count: one query
    ("?pagina=3", 100, (3, [5], 5, False, 3, 1)),
    ("?pagina=x", 100, (1, [1, 2], 5, False, 3, 1)),
    ("?pagina=4", 100, (3, [5], 5, False, 3, 3)),  # past the end: empty, the first row for the count, the last page
    ("", 4, (1, [1, 2], 4, True, 2, 1)),  # capped: "4+", as far as the cap
    ("?pagina=2", 4, (2, [3, 4], 4, True, 2, 1)),
    ("?pagina=3", 4, (2, [3, 4], 4, True, 2, 1)),  # no page past the cap
    ("?pagina=3", 5, (3, [5], 5, False, 3, 1)),
])
def test_a_list_whose_rows_carry_its_length_is_not_counted_apart(query, cap, expected):
    created = UserFactory.create_batch(5)
    rank = {user.pk: index for index, user in enumerate(created, start=1)}
    users = User.objects.annotate(total=Window(Count("*"))).order_by("pk")
    with CaptureQueriesContext(connection) as captured:
        page = paginate(get(query), users, per_page=2, capped=True, cap=cap, counted_by="total")
        rows = [rank[user.pk] for user in page.object_list]
    paginator = page.paginator
    found = (page.number, rows, paginator.count, paginator.capped, paginator.num_pages, len(captured))
    assert found == expected


def test_an_empty_list_whose_rows_carry_its_length_counts_none():
    with CaptureQueriesContext(connection) as captured:
        page = paginate(get("?pagina=2"), User.objects.annotate(total=Window(Count("*"))).order_by("pk"),
                        per_page=2, capped=True, cap=10, counted_by="total")
        rows = list(page.object_list)
    assert (page.number, rows, page.paginator.count, page.paginator.count_display, len(captured)) == (
        1, [], 0, "0", 2)
