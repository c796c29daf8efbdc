"""App config of the demo app: the demo world and the load_demo_data command."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demo data"
