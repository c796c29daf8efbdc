"""The registrations table's rows built in Python are the rows the template built, byte for byte."""

import pytest
from django.template import Context, Template

from events.models import Registration
from tests import factories

pytestmark = pytest.mark.django_db

# The loop of templates/events/registrations.html before {% registration_rows %} replaced it.
TEMPLATE_ROWS = Template("""{% load i18n %}{% for registration in page %}
      <tr>
        <td>{% if registration.status == "confirmed" or registration.status == "attended" %}<input type="hidden" name="shown" value="{{ registration.pk }}"><input type="checkbox" name="attended" value="{{ registration.pk }}" id="attended-{{ registration.pk }}"{% if registration.status == "attended" %} checked{% endif %}><label for="attended-{{ registration.pk }}" class="visually-hidden">{% blocktranslate with name=registration.user.display_name %}{{ name }} was present{% endblocktranslate %}</label>{% endif %}</td>
        <td>{{ registration.user.display_name }}<br><span class="muted">{{ registration.user.email }}</span></td>
        <td>{{ registration.organisation_name }}</td>
        <td>{{ registration.job_function }}</td>
        <td>{{ registration.get_status_display }}</td>
        <td>{{ registration.remark }}</td>
      </tr>
    {% endfor %}""")  # noqa: E501


def test_the_rows_are_the_templates_rows():
    event = factories.EventFactory()
    statuses = [Registration.Status.CONFIRMED, Registration.Status.ATTENDED, Registration.Status.WAITLISTED,
                Registration.Status.CANCELLED]
    names = ['<script>alert("x")</script> & Co', "Anna de Vries", "", "O'Brien"]
    for status, name in zip(statuses, names, strict=True):
        user = factories.UserFactory(full_name=name)
        Registration.objects.create(event=event, user=user, status=status, organisation_name="<b>IKC</b> & zo",
                                    job_function="Intern begeleider 'IB'", remark='Graag "vegetarisch" <eten>')
    rows = list(event.registrations.select_related("user").order_by("pk"))
    built = Template("{% load registrations %}{% registration_rows page %}").render(Context({"page": rows}))
    assert built == TEMPLATE_ROWS.render(Context({"page": rows}))
    assert "&lt;script&gt;" in built and "was aanwezig" in built and built.count(" checked") == 1


def test_no_rows_no_markup():
    assert Template("{% load registrations %}{% registration_rows page %}").render(Context({"page": []})) == ""
