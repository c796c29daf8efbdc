from django.urls import path

from practices.views import adoption, practice, tip

app_name = "practices"

urlpatterns = [
    path("praktijkvoorbeelden/", practice.practice_list, name="list"),
    path("praktijkvoorbeelden/nieuw/", practice.practice_create, name="create"),
    path("praktijkvoorbeelden/<slug:slug>/", practice.practice_detail, name="detail"),
    path("praktijkvoorbeelden/<slug:slug>/bewerken/", practice.practice_edit, name="edit"),
    path("praktijkvoorbeelden/<slug:slug>/indienen/", practice.practice_submit, name="submit"),
    path("praktijkvoorbeelden/<slug:slug>/modereren/", practice.practice_moderate, name="moderate"),
    path("praktijkvoorbeelden/<slug:slug>/melden/", practice.practice_flag, name="flag"),
    path("praktijkvoorbeelden/<slug:slug>/bijlagen/<int:pk>/<str:filename>", practice.practice_attachment,
         name="attachment"),
    path("praktijkvoorbeelden/<slug:slug>/wij-doen-dit-ook/", adoption.adoption_create, name="adoption_create"),
    path("uitgeprobeerd/<int:pk>/modereren/", adoption.adoption_moderate, name="adoption_moderate"),
    path("tips/", tip.tip_list, name="tips"),
    path("tips/nieuw/", tip.tip_create, name="tip_create"),
    path("tips/<int:pk>/bewerken/", tip.tip_edit, name="tip_edit"),
    path("tips/<int:pk>/modereren/", tip.tip_moderate, name="tip_moderate"),
    path("tips/<int:pk>/melden/", tip.tip_flag, name="tip_flag"),
]
