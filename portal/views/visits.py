"""Work visits as a network: the chains of visits, nationally and per region, and a coalition's suggested visits."""

from django.shortcuts import get_object_or_404, render

from coalitions.models import Coalition, Region
from coalitions.permissions import is_project_leader
from core.pagination import paginate
from portal.matches import has_wish, suggested_matches
from portal.visits import VisitChains, load_chain_page

CHAINS_PER_PAGE = 10
# The pages reach the newest 100 chains (like every capped list); older ones are on the coalitions' pages.
CHAINS_CAP = 100


def _chain_page(request, chains):
    # Not counted: counting to the cap walked a hundred chains for every page (issue 13); a page reads its own
    # chains and one more, to know whether there is a next page.
    page = paginate(request, chains, per_page=CHAINS_PER_PAGE, look_ahead=True, cap=CHAINS_CAP)
    return page, load_chain_page(list(page.object_list))


def visit_chain_list(request):
    """Every chain of work visits: who visited whom, when, with the report and agreements of each visit."""
    page, chains = _chain_page(request, VisitChains())
    return render(request, "pages/visit_chains.html", {"page": page, "chains": chains, "region": None})


def region_visit_chains(request, slug):
    """The chains with a work visit from or to a coalition of the region."""
    region = get_object_or_404(Region, slug=slug)
    page, chains = _chain_page(request, VisitChains(region))
    return render(request, "pages/visit_chains.html", {"page": page, "chains": chains, "region": region})


def coalition_matches(request, slug):
    """Coalitions this one has not visited yet whose "what we can show" meets its "what we want to learn"."""
    coalition = get_object_or_404(Coalition.objects.with_region(), slug=slug)
    matches = suggested_matches(coalition)
    return render(request, "pages/coalition_matches.html", {
        "coalition": coalition, "matches": matches,
        "has_wish": bool(matches) or has_wish(coalition),
        "can_plan": is_project_leader(request.user, coalition),
    })
