from django.apps import AppConfig


class KennisportaalConfig(AppConfig):
    name = "kennisportaal"
    verbose_name = "Kennisportaal"
