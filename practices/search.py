"""Dutch full-text search of practices: the text analysis and the SQLite index that uses it.

PostgreSQL analyses text itself: the generated ``search_vector`` column (migrations 0002 and 0005) uses the
``kennisportaal_dutch`` configuration, the Dutch snowball stemmer behind ``unaccent``.

SQLite has no Dutch stemmer, so Python does the same analysis (accents folded, lower case, PostgreSQL's Dutch
stop words dropped, the Dutch snowball stemmer PostgreSQL uses) and FTS5 only stores and matches the result:

- ``register_sql_function`` (connected to ``connection_created`` by ``PracticesConfig.ready``) gives every
  SQLite connection the function ``practices_search_text(value, ...)``, which returns the analysed words;
- triggers on ``practices_practice`` (``install_sqlite_index``, run by migration 0005) keep the FTS5 table
  ``practices_practice_fts`` (rowid = the practice's id; columns title, summary, body) in step with every
  insert, update and delete, whoever writes them: services, the admin, bulk_create, ``QuerySet.update()``;
- a query is analysed the same way and every word becomes a quoted FTS5 string (``match_expression``), so
  nothing a user types is read as FTS5 syntax.

A writer without the function (the ``sqlite3`` shell) cannot change practices: the triggers would fail.
A later migration that makes Django rebuild ``practices_practice`` on SQLite (most ``AlterField`` and
``RemoveField`` operations) drops the triggers with the old table: it must call ``install_sqlite_index``
again. ``tests/practices/test_search.py`` fails if it does not.
"""

import functools
import re
import threading
import unicodedata

import snowballstemmer

SQL_FUNCTION = "practices_search_text"

# One column per weight of PostgreSQL's vector (migration 0005): A the title, B the summary, C the rest.
INDEX_SQL = [
    "CREATE VIRTUAL TABLE practices_practice_fts USING fts5(title, summary, body, tokenize = 'unicode61')",
    """
    CREATE TRIGGER practices_practice_fts_insert AFTER INSERT ON practices_practice BEGIN
        INSERT INTO practices_practice_fts (rowid, title, summary, body) VALUES (
            NEW.id, practices_search_text(NEW.title), practices_search_text(NEW.summary),
            practices_search_text(NEW.setting, NEW.context, NEW.approach, NEW.results, NEW.pitfalls,
                                  NEW.practical_tips)
        );
    END
    """,
    """
    CREATE TRIGGER practices_practice_fts_update AFTER UPDATE OF
        id, title, summary, setting, context, approach, results, pitfalls, practical_tips
    ON practices_practice BEGIN
        DELETE FROM practices_practice_fts WHERE rowid = OLD.id;
        INSERT INTO practices_practice_fts (rowid, title, summary, body) VALUES (
            NEW.id, practices_search_text(NEW.title), practices_search_text(NEW.summary),
            practices_search_text(NEW.setting, NEW.context, NEW.approach, NEW.results, NEW.pitfalls,
                                  NEW.practical_tips)
        );
    END
    """,
    """
    CREATE TRIGGER practices_practice_fts_delete AFTER DELETE ON practices_practice BEGIN
        DELETE FROM practices_practice_fts WHERE rowid = OLD.id;
    END
    """,
    """
    INSERT INTO practices_practice_fts (rowid, title, summary, body)
    SELECT id, practices_search_text(title), practices_search_text(summary),
           practices_search_text(setting, context, approach, results, pitfalls, practical_tips)
    FROM practices_practice
    """,
]
DROP_INDEX_SQL = [
    "DROP TRIGGER IF EXISTS practices_practice_fts_insert",
    "DROP TRIGGER IF EXISTS practices_practice_fts_update",
    "DROP TRIGGER IF EXISTS practices_practice_fts_delete",
    "DROP TABLE IF EXISTS practices_practice_fts",
]

# PostgreSQL's Dutch stop words (tsearch_data/dutch.stop, from the snowball project): it does not index them.
STOP_WORDS = frozenset({
    "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is", "was", "op",
    "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn", "men",
    "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar",
    "naar", "heb", "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen",
    "omdat", "iets", "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder",
    "kan", "hun", "dus", "alles", "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt",
    "wezen", "kunnen", "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest",
    "andere",
})

# Letters and digits; everything else (punctuation, FTS5 operators, underscores) separates words.
WORD = re.compile(r"[^\W_]+")

_stemmers = threading.local()


def fold(text: str) -> str:
    """Lower case without accents: "Oudercoördinator" becomes "oudercoordinator"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    # "dutch_porter" is the Dutch stemmer of PostgreSQL's dutch configuration: both give the same stems.
    stemmer = getattr(_stemmers, "dutch", None)
    if stemmer is None:
        stemmer = _stemmers.dutch = snowballstemmer.stemmer("dutch_porter")
    return stemmer.stemWord(word)


def search_terms(text: str) -> list[str]:
    """The stems of the words in ``text`` that search looks for, in order."""
    return [stem(word) for word in WORD.findall(fold(text)) if word not in STOP_WORDS]


def index_text(*values: str | None) -> str:
    """The analysed words of some field values, as the FTS5 table stores them."""
    return " ".join(search_terms(" ".join(value for value in values if value)))


def match_expression(text: str) -> str:
    """An FTS5 query for all the words of ``text``; empty when it has none worth looking for.

    Each stem holds only letters and digits and is quoted besides, so it is an FTS5 string, never an operator.
    """
    terms = dict.fromkeys(search_terms(text))
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


def register_sql_function(sender, connection, **kwargs) -> None:
    """Give a new SQLite connection the function the search triggers call."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, -1, index_text, deterministic=True)


def install_sqlite_index(schema_editor) -> None:
    """Create (or rebuild) the SQLite search index; nothing on other databases."""
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    connection.ensure_connection()
    register_sql_function(None, connection)
    for statement in DROP_INDEX_SQL + INDEX_SQL:
        schema_editor.execute(statement)


def uninstall_sqlite_index(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP_INDEX_SQL:
            schema_editor.execute(statement)
