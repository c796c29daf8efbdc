"""The practice–theme table carries a copy of each practice's region, state and publication date, kept by the
database.

Counting a list filtered by theme and region (capped at ``PAGINATION_COUNT_CAP``) joined two indexes, the
region's practices and the theme's rows, and read both until the cap: about 14,000 index entries at national
scale (100k practices) against 40 at 1,000, so the page cost more as the country grew (issue 13). With the
region and state in the through table (``Practice.themes``), one index (``practice_themes_listing_idx``: theme,
state, region, publication date, practice) holds the list's rows of a theme, or of a theme in a region, next to
each other, and the count reads no more entries than it counts (``PracticeThemeRow``, ``PracticeFilter.count_rows``).
With the publication date (migration 0010) the rows of a theme in a region stand in the list's order too, newest
last, so the list reads a page's keys from the end of that index instead of walking the country's newest
practices and dropping the other regions' (``PracticeFilter.listed_keys``). A second index (migration 0011:
state, date, practice, theme) holds every published row in date order, so a practice's page finds the newest
rows of its themes, the candidates for "related", by walking it back and reading nothing else.

The copy is kept by triggers, whoever writes: services, the admin, forms' ``save_m2m``, ``bulk_create``,
``QuerySet.update()``, the demo and bench data:

- a row inserted into ``practices_practice_themes`` (or given to another practice) takes its practice's values;
- an update of a practice that changes one of the copied columns copies them into its rows.

The columns are added to Django's auto-created through table by migrations 0009 and 0010, so Django's own reads
and writes of ``Practice.themes`` are unchanged and leave them to the triggers. A later migration that makes
Django rebuild ``practices_practice`` or ``practices_practice_themes`` on SQLite (most ``AlterField`` and
``RemoveField`` operations) drops their triggers with the old table: it must call ``install_triggers`` again.
``tests/practices/test_theme_rows.py`` fails if it does not.

The statements are built from the copied columns, so that migration 0009 installs the first copy (region and
state) on a table that has no publication date yet, and 0010 the current one (``COPIED``).
"""

# The columns copied now (migration 0010), for a migration that must install the triggers again.
COPIED = ("region_id", "state", "published_at")

POSTGRES_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS practices_theme_row_copy ON practices_practice_themes",
    "DROP TRIGGER IF EXISTS practices_theme_rows_follow ON practices_practice",
    "DROP FUNCTION IF EXISTS practices_theme_row_copy()",
    "DROP FUNCTION IF EXISTS practices_theme_rows_follow()",
]
SQLITE_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS practices_theme_row_copy",
    "DROP TRIGGER IF EXISTS practices_theme_row_moved",
    "DROP TRIGGER IF EXISTS practices_theme_rows_follow",
]


def _copy(columns) -> str:
    """SET the row's copy to its practice's values (SQLite's triggers and the first copy)."""
    names = ", ".join(columns)
    # The columns are this module's constants, not input.
    select = f"SELECT {names} FROM practices_practice WHERE id = practices_practice_themes.practice_id"  # noqa: S608
    return f"SET ({names}) = ({select})"


def _follow(columns) -> str:
    """SET the rows' copy to the practice's new values."""
    return "SET " + ", ".join(f"{column} = NEW.{column}" for column in columns)


def postgres_triggers(columns) -> list[str]:
    names = ", ".join(columns)
    changed = " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in columns)
    return [
        f"""
        CREATE OR REPLACE FUNCTION practices_theme_row_copy() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT {names} INTO {", ".join(f"NEW.{column}" for column in columns)}
            FROM practices_practice WHERE id = NEW.practice_id;
            RETURN NEW;
        END
        $$
        """,  # noqa: S608 - the columns are this module's constants
        """
        CREATE TRIGGER practices_theme_row_copy BEFORE INSERT OR UPDATE OF practice_id ON practices_practice_themes
        FOR EACH ROW EXECUTE FUNCTION practices_theme_row_copy()
        """,
        f"""
        CREATE OR REPLACE FUNCTION practices_theme_rows_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE practices_practice_themes {_follow(columns)} WHERE practice_id = NEW.id;
            RETURN NULL;
        END
        $$
        """,
        f"""
        CREATE TRIGGER practices_theme_rows_follow AFTER UPDATE OF {names} ON practices_practice
        FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION practices_theme_rows_follow()
        """,
    ]


def sqlite_triggers(columns) -> list[str]:
    """One event per trigger, and NEW cannot be assigned, so the inserted or moved row is updated after."""
    names = ", ".join(columns)
    changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in columns)
    return [
        f"""
        CREATE TRIGGER practices_theme_row_copy AFTER INSERT ON practices_practice_themes BEGIN
            UPDATE practices_practice_themes {_copy(columns)} WHERE id = NEW.id;
        END
        """,
        f"""
        CREATE TRIGGER practices_theme_row_moved AFTER UPDATE OF practice_id ON practices_practice_themes BEGIN
            UPDATE practices_practice_themes {_copy(columns)} WHERE id = NEW.id;
        END
        """,
        f"""
        CREATE TRIGGER practices_theme_rows_follow AFTER UPDATE OF {names} ON practices_practice
        WHEN {changed} BEGIN
            UPDATE practices_practice_themes {_follow(columns)} WHERE practice_id = NEW.id;
        END
        """,
    ]


def drop_triggers(schema_editor) -> None:
    """The project runs on PostgreSQL or SQLite (settings)."""
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES_DROP_TRIGGERS if postgres else SQLITE_DROP_TRIGGERS:
        schema_editor.execute(statement)


def install_triggers(schema_editor, columns=COPIED) -> None:
    """Create (or recreate) the triggers that keep the copied ``columns``, and copy them once."""
    drop_triggers(schema_editor)
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in postgres_triggers(columns) if postgres else sqlite_triggers(columns):
        schema_editor.execute(statement)
    schema_editor.execute(f"UPDATE practices_practice_themes {_copy(columns)}")
