"""PostgreSQL: a stored generated Dutch search vector with a GIN index. Plus the four mechanisms.

The column is not a model field: Django only reads it through ``PracticeQuerySet.search`` on
PostgreSQL, and SQLite never has it.
"""

from django.db import migrations

SEARCH_COLUMN_SQL = """
ALTER TABLE practices_practice ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('dutch'::regconfig,
        coalesce(setting, '') || ' ' || coalesce(context, '') || ' ' || coalesce(approach, '') || ' ' ||
        coalesce(results, '') || ' ' || coalesce(pitfalls, '') || ' ' || coalesce(practical_tips, '')
    ), 'C')
) STORED;
CREATE INDEX practice_search_vector_gin ON practices_practice USING GIN (search_vector);
"""

DROP_SQL = """
DROP INDEX IF EXISTS practice_search_vector_gin;
ALTER TABLE practices_practice DROP COLUMN IF EXISTS search_vector;
"""

MECHANISMS = [
    ("identificatie", "Identificatie",
     "Elkaars expertise, doelen en belangen helder krijgen: wie is de ander en wat brengt die mee?"),
    ("coordinatie", "Coördinatie",
     "Samenwerking mogelijk maken met vaste overlegmomenten, afspraken en werkroutines."),
    ("reflectie", "Reflectie",
     "Je bewust worden van je eigen perspectief en dat van de ander, en je inleven in diens context."),
    ("transformatie", "Transformatie",
     "Nieuwe rollen en werkwijzen ontwikkelen op de grens tussen beroepen en organisaties."),
]


def add_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_COLUMN_SQL)


def drop_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


def add_mechanisms(apps, schema_editor):
    Mechanism = apps.get_model("practices", "Mechanism")
    for position, (slug, name, description) in enumerate(MECHANISMS):
        Mechanism.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [
        migrations.RunPython(add_search_vector, drop_search_vector),
        migrations.RunPython(add_mechanisms, migrations.RunPython.noop),
    ]
