"""The portal's URLs plus a bare Django view: the baseline every page is compared with."""

from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    return HttpResponse("hello")


urlpatterns = [
    path("bench-hello/", hello, name="bench_hello"),
    path("", include("kennisportaal.urls")),
]
