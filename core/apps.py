from django.apps import AppConfig
from django.db.backends.signals import connection_created

from core.pagecache import watch_writes


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Kennisportaal"

    def ready(self):
        # Every connection, in web and worker processes, notices content writes for the page cache.
        connection_created.connect(watch_writes, dispatch_uid="core.pagecache.watch_writes")
