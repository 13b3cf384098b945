"""Times passlib's own verify for the hash benchmark: reads one JSON request per line on stdin
({"scheme", "password", "hash", "repeat", "user"?}) and answers {"ms": [..one time per repeat..]}.
Also makes the hashes at passlib's default settings ({"op": "hash", "scheme", "password"})."""
import json
import sys
import time
import warnings

warnings.simplefilter("ignore")

from passlib.registry import get_crypt_handler  # noqa: E402


def main():
    for line in sys.stdin:
        request = json.loads(line)
        handler = get_crypt_handler(request["scheme"])
        kwargs = {"user": request["user"]} if request.get("user") else {}
        if request.get("op") == "hash":
            answer = {"hash": handler.hash(request["password"], **kwargs), "backend": getattr(handler, "get_backend", lambda: "")()}
        else:
            # At least `repeat` runs, and more for fast schemes (200 ms' worth), as the Node side does.
            times = []
            began = time.perf_counter()
            while len(times) < request["repeat"] or (time.perf_counter() - began < 0.2 and len(times) < 10000):
                started = time.perf_counter()
                handler.verify(request["password"], request["hash"], **kwargs)
                times.append((time.perf_counter() - started) * 1000)
            answer = {"ms": times}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
