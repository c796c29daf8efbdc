"""Our own Dutch wording for some allauth messages.

allauth's Dutch catalog says "aanmelden" for signing in, but on this portal "aanmelding" means an event
registration. Listing the msgids here puts them in our catalog (LOCALE_PATHS wins over app catalogs),
where they are translated as "inloggen".
"""

from django.utils.translation import gettext_noop

ALLAUTH_TERMS = [
    gettext_noop("Sign In"),
    gettext_noop("Sign Out"),
    gettext_noop("Sign Up"),
    gettext_noop("Enter Sign-In Code"),
    gettext_noop("Sign-In Code"),
    gettext_noop("Send me a sign-in code"),
    gettext_noop("A sign-in code has been sent to %(recipient)s."),
    gettext_noop("Other sign-in options"),
    gettext_noop("Your sign-in code is listed below. Please enter it in your open browser window."),
]
