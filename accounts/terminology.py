"""Our own Dutch wording for some of allauth's and Django's messages.

Listing a library's msgids here puts them in our catalog (LOCALE_PATHS wins over the apps' catalogs), where
they get the portal's wording:

- allauth's Dutch catalog says "aanmelden" for signing in, but on this portal "aanmelding" means an event
  registration; here they are translated as "inloggen".
- Django 5.2 changed the msgid of the password-length error to "%d" and its Dutch catalog has no translation
  for the new one yet, so the error showed in English.
- Django's password rules address the reader formally ("Uw wachtwoord"); allauth writes "a.u.b." and splits
  compounds ("Bevestigings e-mail"). The portal speaks informally ("je") and writes compounds as one word.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

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

ALLAUTH_WORDING = [
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("Re-send Verification"),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop('<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'),
    gettext_noop(
        'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email '
        'confirmation request</a>.'
    ),
    gettext_noop(
        "This part of the site requires us to verify that\nyou are who you claim to be. For this purpose, we "
        "require that you\nverify ownership of your email address. "
    ),
    gettext_noop("Unable to confirm %(email)s because it is already confirmed by a different account."),
    gettext_noop(
        "We have sent an email to you for\nverification. Please click on the link inside that email. If you do "
        "not see the verification email in your main inbox, check your spam folder. Otherwise\ncontact us if you "
        "do not receive it within a few minutes."
    ),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup "
        "process. If you do not see the verification email in your main inbox, check your spam folder. Please "
        "contact us if you do not receive the verification email within a few minutes."
    ),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise "
        "contact us if you do not receive it in a few minutes."
    ),
]

DJANGO_PASSWORD_RULES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
    ),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
]
