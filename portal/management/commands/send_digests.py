"""Queue the digests that are due now (what the hourly beat job does); safe to run any time."""

from django.core.management.base import BaseCommand

from portal.jobs import send_digests


class Command(BaseCommand):
    help = "Queue the daily and weekly digests that are due; members already served this period are skipped."

    def handle(self, *args, **options):
        queued = send_digests()
        self.stdout.write(f"{queued} digest(s) queued.")
