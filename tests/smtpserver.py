"""A tiny threaded SMTP server for tests: counts connections, keeps what it accepted, can be slow or hold.

It speaks just enough SMTP for smtplib (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT). A message counts
as delivered only when the server answers 250 to its DATA with the client still connected, as a real
MTA commits it; a client that dies while the server holds a message has delivered nothing.
"""

import email
import socket
import socketserver
import threading
import time
from collections import Counter


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, *, timeout: float, interval: float = 0.05, message: str = "condition", details=None):
    """Poll ``predicate`` until it returns something truthy; fail the test after ``timeout`` seconds.

    ``details``, a callable, adds what helps to understand a timeout (e.g. the workers' logs) to the failure.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            extra = f"\n{details()}" if details else ""
            raise AssertionError(f"Timed out after {timeout}s waiting for {message}{extra}")
        time.sleep(interval)


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class _Session(socketserver.StreamRequestHandler):
    def reply(self, text: str) -> None:
        self.wfile.write(f"{text}\r\n".encode())
        self.wfile.flush()

    def handle(self):
        smtp = self.server.smtp
        smtp._opened()
        try:
            self.reply("220 test-smtp ready")
            recipients = []
            while line := self.rfile.readline():
                command = line.decode("utf-8", "replace").strip()
                verb = command.split(" ", 1)[0].upper()
                if verb in ("EHLO", "HELO"):
                    self.reply("250 test-smtp")
                elif verb == "MAIL":
                    if smtp.drop_after is not None and len(smtp.accepted) >= smtp.drop_after:
                        return  # hang up, as a server that goes away mid-batch
                    recipients = []
                    self.reply("250 OK")
                elif verb == "RCPT":
                    address = command[command.find("<") + 1:command.rfind(">")]
                    if address in smtp.refuse:
                        self.reply("550 No such user here")
                    else:
                        recipients.append(address)
                        self.reply("250 OK")
                elif verb == "DATA":
                    self.reply("354 End data with <CR><LF>.<CR><LF>")
                    data = self.read_data()
                    if not smtp._commit(self, data, recipients):
                        return
                    self.reply("250 OK queued")
                elif verb in ("RSET", "NOOP"):
                    self.reply("250 OK")
                elif verb == "QUIT":
                    self.reply("221 Bye")
                    return
                else:
                    self.reply("502 Command not implemented")
        except (ConnectionError, OSError):
            return
        finally:
            smtp._closed()

    def read_data(self) -> bytes:
        lines = []
        while (line := self.rfile.readline()) and line != b".\r\n":
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)

    def client_still_there(self) -> bool:
        sock = self.connection
        sock.setblocking(False)
        try:
            return sock.recv(1, socket.MSG_PEEK) != b""
        except BlockingIOError:
            return True
        except OSError:
            return False
        finally:
            sock.setblocking(True)


class SMTPServer:
    """``with SMTPServer(port=…, delay=…) as smtp:`` runs a server on 127.0.0.1 in background threads.

    ``delay``: seconds to wait before accepting each message. ``hold_after=n``: accept n messages, then
    hold the next one (``holding`` is set) until ``release()``. ``refuse``: recipients answered with 550.
    ``drop_after=n``: hang up on the MAIL command after n messages.
    """

    def __init__(self, port: int = 0, *, delay: float = 0.0, hold_after: int | None = None,
                 refuse=(), drop_after: int | None = None):
        self.port = port
        self.delay = delay
        self.hold_after = hold_after
        self.refuse = set(refuse)
        self.drop_after = drop_after
        self.accepted: list[email.message.Message] = []
        self.connections = 0
        self.open_sessions = 0
        self.max_open_sessions = 0
        self.holding = threading.Event()
        self._released = threading.Event()
        self._lock = threading.Lock()
        self._server = None

    def __enter__(self):
        self._server = _Server(("127.0.0.1", self.port), _Session)
        self._server.smtp = self
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._released.set()
        self._server.shutdown()
        self._server.server_close()

    def release(self) -> None:
        self._released.set()

    def _opened(self):
        with self._lock:
            self.connections += 1
            self.open_sessions += 1
            self.max_open_sessions = max(self.max_open_sessions, self.open_sessions)

    def _closed(self):
        with self._lock:
            self.open_sessions -= 1

    def _commit(self, session: _Session, data: bytes, recipients: list[str]) -> bool:
        if self.delay:
            time.sleep(self.delay)
        if self.hold_after is not None and len(self.accepted) >= self.hold_after:
            self.holding.set()
            self._released.wait()
            if not session.client_still_there():
                return False
        message = email.message_from_bytes(data)
        message["X-Test-Envelope-To"] = ", ".join(recipients)
        with self._lock:
            self.accepted.append(message)
        return True

    def message_ids(self) -> Counter:
        """How many times each Message-ID was accepted."""
        with self._lock:
            return Counter(message["Message-ID"] for message in self.accepted)
