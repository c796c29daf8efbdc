from django.urls import path

from practices import views

app_name = "practices"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("nieuw/", views.practice_create, name="create"),
    path("<slug:slug>/", views.practice_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.practice_edit, name="edit"),
    path("<slug:slug>/indienen/", views.practice_submit, name="submit"),
    path("<slug:slug>/modereren/", views.practice_moderate, name="moderate"),
    path("<slug:slug>/melden/", views.practice_flag, name="flag"),
]
