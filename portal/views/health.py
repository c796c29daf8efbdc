"""``/health/`` for load balancers and monitoring; the checks themselves are in ``portal.health``."""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.health import FAIL, run_checks


@never_cache
@require_GET
def health(request):
    """JSON with each check's status; 503 when the site cannot serve pages (database), else 200."""
    result = run_checks()
    return JsonResponse(result, status=503 if result["status"] == FAIL else 200)


@require_GET
def healthz(request):
    """Liveness only ("the process answers"), kept for probes that still use it; touches nothing."""
    return HttpResponse("ok", content_type="text/plain")
