"""A passlib oracle: answers JSON requests, one per line on stdin, one answer per line on stdout.

Request:  {"id": 1, "op": "verify", "scheme": "bcrypt", "password": "<base64 of UTF-8>",
           "hash": "...", "user": null, "realm": null}
          {"id": 2, "op": "hash", "scheme": "bcrypt", "password": "<base64>", "settings": {"rounds": 4}, ...}
          {"id": 3, "op": "identify", "hash": "...", "schemes": ["bcrypt", ...]}
Answer:   {"id": 1, "ok": true} | {"id": 1, "error": "password" | "malformed" | "unsupported", "detail": "..."}
          {"id": 2, "hash": "..."}   {"id": 3, "scheme": "bcrypt" | null}

"password" errors are passlib's PasswordValueError family (too long, NUL byte where forbidden), and the
same refusals worded by a backend (os_crypt's NUL error, cp437's encoder for lmhash); any other ValueError or
TypeError while reading the hash is "malformed". Passwords travel as base64 so that every
string, empty and astral ones included, arrives byte for byte.
"""
import base64
import json
import sys
import warnings

warnings.simplefilter("ignore")

from passlib import exc  # noqa: E402
from passlib.context import CryptContext  # noqa: E402
from passlib.registry import get_crypt_handler  # noqa: E402
from passlib.utils import saslprep  # noqa: E402

CONTEXT_KEYWORDS = ("user", "realm")


def context_of(request):
    return {key: request[key] for key in CONTEXT_KEYWORDS if request.get(key) is not None}


def werkzeug_handle(op, password, request):
    """Werkzeug is not a passlib scheme; its own functions are the reference."""
    from werkzeug.security import check_password_hash, generate_password_hash

    if op == "verify":
        return {"ok": bool(check_password_hash(request["hash"], password))}
    return {"hash": generate_password_hash(password, method=request["settings"]["method"])}


# PHP's trim() characters, which wp_hash_password strips (and wp_check_password does not).
PHP_TRIM_CHARS = " \t\n\r\0\x0b"


def wordpress_handle(op, password, request):
    """WordPress 6.8+ is not a passlib scheme; this restates wp_hash_password / wp_check_password
    (wordpress-develop src/wp-includes/pluggable.php): '$wp' + bcrypt $2y$ of base64(HMAC-SHA384, key
    "wp-sha384"); the password is trimmed when hashing only. PHP's password_verify compares the whole
    crypt() output, so non-canonical padding bits never verify; it has no $2$ variant."""
    import hashlib
    import hmac

    from passlib.hash import bcrypt

    def prehash(text):
        return base64.b64encode(hmac.new(b"wp-sha384", text.encode("utf-8"), hashlib.sha384).digest())

    if op == "hash":
        settings = dict(request.get("settings") or {}, ident="2y")
        return {"hash": "$wp" + bcrypt.using(**settings).hash(prehash(password.strip(PHP_TRIM_CHARS)))}
    if op != "verify":
        raise ValueError("unknown op %r" % op)
    stored = request["hash"]
    if not stored.startswith("$wp") or not stored[3:].startswith(("$2a$", "$2b$", "$2y$")):
        raise ValueError("not a wordpress_bcrypt hash")
    bcrypt_hash = stored[3:]
    parsed = bcrypt.from_string(bcrypt_hash)  # ValueError when malformed; repairs padding bits
    if parsed.checksum is None:
        raise ValueError("a bcrypt config string, not a hash")
    if parsed.to_string() != bcrypt_hash or len(password.encode("utf-8")) > 4096:
        return {"ok": False}
    return {"ok": bool(bcrypt.verify(prehash(password), bcrypt_hash))}


def handle(request):
    op = request["op"]
    if request.get("scheme", "").startswith("werkzeug_"):
        return werkzeug_handle(op, base64.b64decode(request["password"]).decode("utf-8"), request)
    if request.get("scheme") == "wordpress_bcrypt":
        return wordpress_handle(op, base64.b64decode(request["password"]).decode("utf-8"), request)
    if op == "identify":
        context = CryptContext(schemes=request["schemes"])
        return {"scheme": context.identify(request["hash"])}
    handler = get_crypt_handler(request["scheme"])
    password = base64.b64decode(request["password"]).decode("utf-8")
    kwargs = {k: v for k, v in context_of(request).items() if k in getattr(handler, "context_kwds", ())}
    if op == "verify":
        if handler.name == "scram":
            # scram refuses what SASLprep prohibits with a plain ValueError, after reading the hash:
            # that is passlib refusing the password, so report it as such.
            handler.from_string(request["hash"])
            try:
                saslprep(password)
            except ValueError as error:
                raise exc.PasswordValueError(str(error)) from error
        return {"ok": bool(handler.verify(password, request["hash"], **kwargs))}
    if op == "hash":
        settings = request.get("settings") or {}
        hasher = handler.using(**settings) if settings else handler
        return {"hash": hasher.hash(password, **kwargs)}
    raise ValueError("unknown op %r" % op)


def main():
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = handle(request)
        except exc.PasswordValueError as error:
            answer = {"error": "password", "detail": type(error).__name__}
        except ValueError as error:
            # passlib refusing the password, in the words of a backend rather than PasswordValueError:
            # os_crypt says "null character in secret" (the builtin backend raises PasswordValueError for
            # the same NUL), and lmhash's cp437 encoder cannot encode some characters.
            refused_password = "null character in secret" in str(error) or (
                isinstance(error, UnicodeEncodeError) and error.encoding in ("charmap", "cp437")
            )
            answer = {"error": "password" if refused_password else "malformed", "detail": type(error).__name__}
        except (TypeError, NotImplementedError, AssertionError, OverflowError, IndexError) as error:
            # passlib cannot check this hash: argon2 keyid/data fields (NotImplementedError), unknown scrypt
            # setting names (AssertionError), costs beyond C integers (OverflowError), a bare phpass prefix
            # (IndexError). For us: malformed.
            answer = {"error": "malformed", "detail": type(error).__name__}
        except Exception as error:  # noqa: BLE001 - reported, never fatal to the oracle
            answer = {"error": "unsupported", "detail": "%s: %s" % (type(error).__name__, error)}
        answer["id"] = request["id"]
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
