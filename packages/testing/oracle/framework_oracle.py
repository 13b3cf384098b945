"""A Django and Werkzeug oracle, speaking the JSON-lines protocol of oracle.py (see there).

It runs in the `django` virtualenv (Django 5.2 LTS, Werkzeug 3) or the `django-legacy` one (Django 4.2 LTS,
the last release shipping the hashers Django 5 removed), and answers with the frameworks' own functions:

  verify: Django's `check_password`, the scheme's hasher at its shipped settings being the preferred one,
          so `needsUpdate` (Django 5: `verify_password`) is that hasher's own `must_update`;
          Werkzeug's `check_password_hash` (Werkzeug has no idea of updating, so no `needsUpdate`).
  hash:   `make_password` with the scheme's hasher, its class attributes overridden by `settings`
          (`iterations`, `rounds`, `work_factor`, `salt_entropy`, ...); `generate_password_hash(method=...)`.
  time:   {"scheme", "password", "hash", "repeat"} -> {"ms": [...]}: the same check, timed `repeat` times
          and more for fast hashers (200 ms' worth), for the verify benchmark.

Errors are classified as oracle.py does: "password" where the framework refuses the password itself
(crypt(3)'s embedded NUL), "malformed" for any other error raised while reading the hash.
"""
import base64
import json
import sys
import time
import warnings

warnings.simplefilter("ignore")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

LEGACY = django.VERSION < (5, 0)

# Our scheme name -> Django's hasher class (django.contrib.auth.hashers) in this Django version.
DJANGO_HASHERS = {
    "django_pbkdf2_sha256": "PBKDF2PasswordHasher",
    "django_pbkdf2_sha1": "PBKDF2SHA1PasswordHasher",
    "django_argon2": "Argon2PasswordHasher",
    "django_bcrypt_sha256": "BCryptSHA256PasswordHasher",
    "django_bcrypt": "BCryptPasswordHasher",
    "django_scrypt": "ScryptPasswordHasher",
    "django_salted_md5": "MD5PasswordHasher",
}
if LEGACY:
    DJANGO_HASHERS.update(
        {
            "django_salted_sha1": "SHA1PasswordHasher",
            "django_unsalted_md5": "UnsaltedMD5PasswordHasher",
            "django_unsalted_sha1": "UnsaltedSHA1PasswordHasher",
            "django_des_crypt": "CryptPasswordHasher",
        }
    )

# MD5 first: Django runs the first hasher for its "fake runtime" (unusable or unknown hashes); the
# answers do not depend on the order, and the default PBKDF2 would cost half a second each time.
settings.configure(
    SECRET_KEY="hashbridge-oracle",
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    + ["django.contrib.auth.hashers." + name for name in DJANGO_HASHERS.values()],
)
django.setup()

from django.contrib.auth import hashers  # noqa: E402

# For a wrong password Django spends the work its current settings would (harden_runtime: a million PBKDF2
# iterations, 2^12 bcrypt rounds) to hide how old the hash is. Timing only, the answers are the same: skipped.
for _name in DJANGO_HASHERS.values():
    getattr(hashers, _name).harden_runtime = lambda self, password, encoded: None


def django_verify(password, encoded, preferred="default"):
    """check_password's answer and, from Django 5.0 (verify_password), the preferred hasher's must_update.
    Django 4.2 runs the same steps inside check_password and tells must_update only to a setter, and only
    for a right password: its legacy hashers' answers carry no needsUpdate."""
    if hasattr(hashers, "verify_password"):
        ok, must_update = hashers.verify_password(password, encoded, preferred=preferred)
        return {"ok": bool(ok), "needsUpdate": bool(must_update)}
    return {"ok": bool(hashers.check_password(password, encoded, preferred=preferred))}


def django_handle(op, request):
    scheme = request["scheme"]
    password = base64.b64decode(request["password"]).decode("utf-8")
    if scheme == "django_disabled":
        # An unusable password (User.set_unusable_password): "!" and 40 random characters.
        if op == "hash":
            return {"hash": hashers.make_password(None)}
        return django_verify(password, request["hash"])
    if scheme not in DJANGO_HASHERS:
        raise NotImplementedError("Django %s has no hasher for %s" % (django.get_version(), scheme))
    hasher_class = getattr(hashers, DJANGO_HASHERS[scheme])
    if op == "verify":
        return django_verify(password, request["hash"], preferred=hasher_class())
    if op == "hash":
        configured = type("Configured" + hasher_class.__name__, (hasher_class,), dict(request.get("settings") or {}))
        return {"hash": hashers.make_password(password, hasher=configured())}
    raise ValueError("unknown op %r" % op)


def werkzeug_handle(op, request):
    from werkzeug.security import check_password_hash, generate_password_hash

    password = base64.b64decode(request["password"]).decode("utf-8")
    if op == "verify":
        return {"ok": bool(check_password_hash(request["hash"], password))}
    if op == "hash":
        options = request.get("settings") or {}
        return {"hash": generate_password_hash(password, **options)}
    raise ValueError("unknown op %r" % op)


def timed(request):
    """Milliseconds per verify, as benchmarks/hash-verify.ts times its own side."""
    times = []
    began = time.perf_counter()
    while len(times) < request["repeat"] or (time.perf_counter() - began < 0.2 and len(times) < 10000):
        started = time.perf_counter()
        handle(dict(request, op="verify"))
        times.append((time.perf_counter() - started) * 1000)
    return {"ms": times}


def handle(request):
    if request["op"] == "time":
        return timed(request)
    if request["scheme"].startswith("werkzeug_"):
        if LEGACY:
            raise NotImplementedError("Werkzeug lives in the django virtualenv")
        return werkzeug_handle(request["op"], request)
    return django_handle(request["op"], request)


def main():
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = handle(request)
        except NotImplementedError as error:
            answer = {"error": "unsupported", "detail": str(error)}
        except ValueError as error:
            # crypt(3) cannot take a NUL byte: Python's crypt module refuses the password itself.
            refused_password = "embedded null character" in str(error)
            answer = {"error": "password" if refused_password else "malformed", "detail": type(error).__name__}
        except (TypeError, AssertionError, OverflowError, IndexError) as error:
            # Django's decoders unpack and assert, hashlib refuses costs it cannot convert: all are a hash the
            # framework cannot check.
            answer = {"error": "malformed", "detail": type(error).__name__}
        except Exception as error:  # noqa: BLE001 - reported, never fatal to the oracle
            answer = {"error": "unsupported", "detail": "%s: %s" % (type(error).__name__, error)}
        answer["id"] = request["id"]
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
