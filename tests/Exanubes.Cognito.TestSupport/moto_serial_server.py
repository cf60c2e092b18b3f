"""moto's server application, answering one request at a time.

DynamoDB evaluates a ConditionExpression and applies the write atomically for an item: of concurrent conditional
PutItems on one key, exactly one succeeds. moto_server dispatches each request on its own thread and moto's DynamoDB
backend takes no lock between evaluating the condition and writing, so two concurrent conditional puts can both pass
(seen on CI: 50 deliveries, 2 mails). Serialising dispatch restores the per-item atomicity the real service guarantees;
nothing else about moto changes.

Usage: python3 moto_serial_server.py HOST PORT
"""
import sys
import threading

from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def main() -> None:
    host, port = sys.argv[1], int(sys.argv[2])
    if host != "127.0.0.1":
        raise SystemExit("moto_serial_server binds to 127.0.0.1 only")
    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def serial(environ, start_response):
        with lock:
            body = app(environ, start_response)
            try:
                return [b"".join(body)]
            finally:
                close = getattr(body, "close", None)
                if close is not None:
                    close()

    run_simple(host, port, serial, threaded=True)


if __name__ == "__main__":
    main()
