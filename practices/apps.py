from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from practices.search import register_sql_function


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practice examples")

    def ready(self):
        # Infrastructure, not business logic: the SQLite search triggers call this function.
        connection_created.connect(register_sql_function, dispatch_uid="practices_search_text")
