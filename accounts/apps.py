from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    # allauth's own app is called "Accounts" in the admin; ours holds the users, so it gets another name.
    verbose_name = _("Users")
