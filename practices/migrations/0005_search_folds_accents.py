"""Search folds accents: "creche" finds "crèche" on both databases.

PostgreSQL: the ``unaccent`` extension (trusted, so a database owner may create it) in a Dutch text search
configuration ``kennisportaal_dutch``; the generated search vector is rebuilt with it, with the same weights
and its GIN index. SQLite: an FTS5 index of pre-analysed text kept in step by triggers (``practices.search``).
"""

from django.db import migrations

from practices.search import install_sqlite_index, uninstall_sqlite_index

POSTGRES_SQL = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION kennisportaal_dutch (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION kennisportaal_dutch
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
DROP INDEX IF EXISTS practice_search_vector_gin;
ALTER TABLE practices_practice DROP COLUMN IF EXISTS search_vector;
ALTER TABLE practices_practice ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('kennisportaal_dutch'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('kennisportaal_dutch'::regconfig, coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('kennisportaal_dutch'::regconfig,
        coalesce(setting, '') || ' ' || coalesce(context, '') || ' ' || coalesce(approach, '') || ' ' ||
        coalesce(results, '') || ' ' || coalesce(pitfalls, '') || ' ' || coalesce(practical_tips, '')
    ), 'C')
) STORED;
CREATE INDEX practice_search_vector_gin ON practices_practice USING GIN (search_vector);
"""

POSTGRES_REVERSE_SQL = """
DROP INDEX IF EXISTS practice_search_vector_gin;
ALTER TABLE practices_practice DROP COLUMN IF EXISTS search_vector;
ALTER TABLE practices_practice ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('dutch'::regconfig,
        coalesce(setting, '') || ' ' || coalesce(context, '') || ' ' || coalesce(approach, '') || ' ' ||
        coalesce(results, '') || ' ' || coalesce(pitfalls, '') || ' ' || coalesce(practical_tips, '')
    ), 'C')
) STORED;
CREATE INDEX practice_search_vector_gin ON practices_practice USING GIN (search_vector);
DROP TEXT SEARCH CONFIGURATION IF EXISTS kennisportaal_dutch;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_SQL)
    install_sqlite_index(schema_editor)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_REVERSE_SQL)
    uninstall_sqlite_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("practices", "0004_move_moderation_to_its_app")]

    operations = [migrations.RunPython(forwards, backwards)]
