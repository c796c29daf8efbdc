"""factory-boy factories for the whole domain."""

import importlib
from datetime import time, timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from coalitions.models import (
    Coalition,
    CoalitionMembership,
    LearningNetwork,
    Municipality,
    Organisation,
    Province,
    Region,
    RegionCoordinator,
    Theme,
)
from events.models import Event, EventReport, FollowUpAgreement, ProgrammeItem, Registration, Stand
from moderation.models import ModerationState
from practices.models import Adoption, Mechanism, Practice, Tip
from tools.models import Tool


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.django.Password("geheim-wachtwoord-123")


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Provincie {n}")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class RegionCoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionCoordinator

    region = factory.SubFactory(RegionFactory)
    user = factory.SubFactory(UserFactory)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Gemeente {n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organisation.Kind.SCHOOL_PO


class CoalitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coalition

    name = factory.Sequence(lambda n: f"Coalitie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    region = factory.SubFactory(RegionFactory)
    description = "Scholen, kinderopvang en gemeente werken samen aan een verrijkte schooldag."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoalitionMembership

    coalition = factory.SubFactory(CoalitionFactory)
    user = factory.SubFactory(UserFactory)
    role = CoalitionMembership.Role.MEMBER


class LearningNetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningNetwork

    name = factory.Sequence(lambda n: f"Leernetwerk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    audience = LearningNetwork.Audience.SCHOOL_LEADERS
    description = "Schoolleiders uit het hele land wisselen ervaringen uit."


def mechanism(slug: str) -> Mechanism:
    """The four mechanisms come from a data migration; a transactional test before may have flushed them."""
    found = Mechanism.objects.filter(slug=slug).first()
    if found is None:
        migration = importlib.import_module("practices.migrations.0002_search_vector_and_mechanisms")
        for position, (key, name, description) in enumerate(migration.MECHANISMS):
            Mechanism.objects.get_or_create(slug=key, defaults={"name": name, "description": description,
                                                                "position": position})
        found = Mechanism.objects.get(slug=slug)
    return found


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Een school vertelt hoe zij de middagpauze verrijkt met activiteiten."
    school_type = Practice.SchoolType.PO
    approach = "We begonnen klein met één activiteit per week en breidden dat samen met partners uit."
    region = factory.LazyAttribute(lambda o: o.coalition.region if o.coalition else RegionFactory())
    coalition = factory.SubFactory(CoalitionFactory)
    state = ModerationState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def mechanisms(self, create, extracted, **kwargs):
        if create and extracted:
            self.mechanisms.set(extracted)


class TipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tip
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Tip {n}")
    body = "Begin klein: één inspiratiemiddag kan al veel losmaken."
    state = ModerationState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class AdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adoption

    practice = factory.SubFactory(PracticeFactory)
    organisation_name = factory.Sequence(lambda n: f"Basisschool De Linde {n}")
    tried_on = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    school_type = Practice.SchoolType.PO
    region = factory.LazyAttribute(lambda o: o.practice.region)
    changes = "We deden het op woensdagmiddag in plaats van in de middagpauze."
    result = Adoption.Result.WORKED
    lesson = "Spreek vooraf af wie de kinderen ophaalt."
    state = ModerationState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = Event.Kind.INSPIRATION
    summary = "Een middag om van elkaars aanpak te leren."
    organiser = factory.SubFactory(CoalitionFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    venue_name = "Gemeentehuis"
    city = "Veendam"
    capacity = 40
    state = ModerationState.PUBLISHED
    # A settled event: a host given to the factory has accepted (tests of the request ask for PENDING).
    host_status = Event.HostStatus.ACCEPTED

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    starts_at = time(13, 30)
    title = factory.Sequence(lambda n: f"Programmaonderdeel {n}")
    speaker = "Marja Hovenkamp"


class StandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stand

    event = factory.SubFactory(EventFactory, kind=Event.Kind.PROVIDER_MARKET)
    organisation = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.PROVIDER)
    offer = "Sport- en cultuuractiviteiten tussen de middag."


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED


class EventReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventReport

    event = factory.SubFactory(EventFactory)
    summary = "Een goed bezochte middag met veel uitwisseling."


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpAgreement

    event = factory.SubFactory(EventFactory)
    description = "Een vervolgbijeenkomst over samenwerking met de kinderopvang plannen."
    owner_email = "eigenaar@example.org"
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


class ToolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tool
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Tool {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "Een app om het verrijkte aanbod te plannen."
    developer = factory.SubFactory(CoalitionFactory)
    status = Tool.Status.IN_USE
    state = ModerationState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def users(self, create, extracted, **kwargs):
        if create and extracted:
            self.users.set(extracted)
