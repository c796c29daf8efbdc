"""The demo world as data: people, taxonomy, the network, practices, tips and events of the seed articles."""

from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
