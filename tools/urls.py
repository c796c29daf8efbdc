from django.urls import path

from tools import views

app_name = "tools"

urlpatterns = [
    path("", views.tool_list, name="list"),
    path("nieuw/", views.tool_create, name="create"),
    path("<slug:slug>/", views.tool_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.tool_edit, name="edit"),
    path("<slug:slug>/indienen/", views.tool_submit, name="submit"),
    path("<slug:slug>/modereren/", views.tool_moderate, name="moderate"),
    path("<slug:slug>/wij-gebruiken-dit-ook/", views.tool_use, name="use"),
    path("<slug:slug>/wij-willen-meedoen/", views.tool_join, name="join"),
]
