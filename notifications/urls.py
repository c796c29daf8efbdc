from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("e-mail/afmelden/<str:token>/", views.unsubscribe_page, name="unsubscribe"),
]
