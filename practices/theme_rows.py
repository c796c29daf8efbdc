"""The practice–theme table carries a copy of each practice's region and state, kept by the database.

Counting a list filtered by theme and region (capped at ``PAGINATION_COUNT_CAP``) joined two indexes, the
region's practices and the theme's rows, and read both until the cap: about 14,000 index entries at national
scale (100k practices) against 40 at 1,000, so the page cost more as the country grew (issue 13). With the
region and state in the through table (``Practice.themes``), one index (``practice_themes_listing_idx``: theme,
state, region, practice) holds the list's rows of a theme, or of a theme in a region, next to each other, and
the count reads no more entries than it counts (``PracticeThemeRow``, ``PracticeFilter.count_rows``).

The copy is kept by triggers, whoever writes: services, the admin, forms' ``save_m2m``, ``bulk_create``,
``QuerySet.update()``, the demo and bench data:

- a row inserted into ``practices_practice_themes`` takes its practice's region and state;
- an update of a practice that changes its region or state copies them into its rows.

The columns are added to Django's auto-created through table by ``install`` (migration 0009), so Django's own
reads and writes of ``Practice.themes`` are unchanged and leave them to the triggers. A later migration that
makes Django rebuild ``practices_practice`` or ``practices_practice_themes`` on SQLite (most ``AlterField`` and
``RemoveField`` operations) drops their triggers with the old table: it must call ``install_triggers`` again.
``tests/practices/test_theme_rows.py`` fails if it does not.
"""

COLUMNS_SQL = [
    "ALTER TABLE practices_practice_themes ADD COLUMN region_id bigint NULL",
    "ALTER TABLE practices_practice_themes ADD COLUMN state varchar(20) NULL",
]
INDEX_SQL = (
    "CREATE INDEX practice_themes_listing_idx ON practices_practice_themes (theme_id, state, region_id, practice_id)"
)
DROP_SQL = [
    "DROP INDEX IF EXISTS practice_themes_listing_idx",
    "ALTER TABLE practices_practice_themes DROP COLUMN state",
    "ALTER TABLE practices_practice_themes DROP COLUMN region_id",
]

POSTGRES_TRIGGERS = [
    """
    CREATE OR REPLACE FUNCTION practices_theme_row_copy() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT region_id, state INTO NEW.region_id, NEW.state FROM practices_practice WHERE id = NEW.practice_id;
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER practices_theme_row_copy BEFORE INSERT OR UPDATE OF practice_id ON practices_practice_themes
    FOR EACH ROW EXECUTE FUNCTION practices_theme_row_copy()
    """,
    """
    CREATE OR REPLACE FUNCTION practices_theme_rows_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE practices_practice_themes SET region_id = NEW.region_id, state = NEW.state
        WHERE practice_id = NEW.id;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER practices_theme_rows_follow AFTER UPDATE OF region_id, state ON practices_practice
    FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION practices_theme_rows_follow()
    """,
]
POSTGRES_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS practices_theme_row_copy ON practices_practice_themes",
    "DROP TRIGGER IF EXISTS practices_theme_rows_follow ON practices_practice",
    "DROP FUNCTION IF EXISTS practices_theme_row_copy()",
    "DROP FUNCTION IF EXISTS practices_theme_rows_follow()",
]

# The practice's values, for a statement on the rows (SQLite's triggers and the first copy).
_COPY = """
    SET region_id = (SELECT region_id FROM practices_practice WHERE id = practices_practice_themes.practice_id),
        state = (SELECT state FROM practices_practice WHERE id = practices_practice_themes.practice_id)
"""
# SQLite: one event per trigger, and NEW cannot be assigned, so the inserted or moved row is updated after.
SQLITE_TRIGGERS = [
    f"""
    CREATE TRIGGER practices_theme_row_copy AFTER INSERT ON practices_practice_themes BEGIN
        UPDATE practices_practice_themes {_COPY} WHERE id = NEW.id;
    END
    """,
    f"""
    CREATE TRIGGER practices_theme_row_moved AFTER UPDATE OF practice_id ON practices_practice_themes BEGIN
        UPDATE practices_practice_themes {_COPY} WHERE id = NEW.id;
    END
    """,
    """
    CREATE TRIGGER practices_theme_rows_follow AFTER UPDATE OF region_id, state ON practices_practice
    WHEN OLD.region_id IS NOT NEW.region_id OR OLD.state IS NOT NEW.state BEGIN
        UPDATE practices_practice_themes SET region_id = NEW.region_id, state = NEW.state
        WHERE practice_id = NEW.id;
    END
    """,
]
SQLITE_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS practices_theme_row_copy",
    "DROP TRIGGER IF EXISTS practices_theme_row_moved",
    "DROP TRIGGER IF EXISTS practices_theme_rows_follow",
]

BACKFILL_SQL = f"UPDATE practices_practice_themes {_COPY}"


def _triggers(vendor: str) -> tuple[list[str], list[str]]:
    """The create and drop statements of the triggers: the project runs on PostgreSQL or SQLite (settings)."""
    if vendor == "postgresql":
        return POSTGRES_TRIGGERS, POSTGRES_DROP_TRIGGERS
    return SQLITE_TRIGGERS, SQLITE_DROP_TRIGGERS


def install_triggers(schema_editor) -> None:
    """Create (or recreate) the triggers that keep the copied region and state, and copy them once."""
    create, drop = _triggers(schema_editor.connection.vendor)
    for statement in drop + create + [BACKFILL_SQL]:
        schema_editor.execute(statement)


def install(schema_editor) -> None:
    for statement in COLUMNS_SQL:
        schema_editor.execute(statement)
    install_triggers(schema_editor)
    schema_editor.execute(INDEX_SQL)


def uninstall(schema_editor) -> None:
    _create, drop = _triggers(schema_editor.connection.vendor)
    for statement in drop + DROP_SQL:
        schema_editor.execute(statement)
