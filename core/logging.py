"""Log lines for operators: JSON in production, plain text in development, each with its request id.

``RequestIdMiddleware`` (``core.middleware``) and the Celery task signals (``kennisportaal.celery``) put the
id of the request or task being handled in ``request_id_var``; ``RequestIdFilter`` copies it onto every
record that reaches a handler, so every line a request causes can be found by its ``X-Request-ID``.
Both formatters replace email addresses by ``[email]``: a last line of defence, our own log calls log
user and row ids, never addresses or names.
"""

import contextvars
import json
import logging
import re
from datetime import UTC, datetime

NO_REQUEST = "-"
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default=NO_REQUEST)

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def redact(text: str) -> str:
    """``text`` with every email address replaced by ``[email]``."""
    return _EMAIL.sub("[email]", text)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (the current request's or task's id, ``-`` outside one) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class PlainFormatter(logging.Formatter):
    def __init__(self, fmt: str = PLAIN_FORMAT, **kwargs):
        super().__init__(fmt, **kwargs)

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id, and
    ``exception`` (the formatted traceback) when the record carries one."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        if record.exc_info:
            payload["exception"] = redact(self.formatException(record.exc_info))
        if record.stack_info:
            payload["stack"] = self.formatStack(record.stack_info)
        return json.dumps(payload, ensure_ascii=False, default=str)
