"""A tiny Django 5.2 project: creates its tables in PostgreSQL, then the users it is asked for.

Reads DATABASE_URL and DJANGO_SCHEMA (a schema that exists, to keep the tables apart) from the environment,
and on stdin a JSON list of {"username", "email", "password" (null: an unusable password), "hasher"}.
Django's default hasher comes through User.objects.create_user, every other through make_password, as an
application that changed PASSWORD_HASHERS over the years would have them. Prints nothing; fails loudly.
"""
import json
import os
import sys
from urllib.parse import unquote, urlsplit

import django
from django.conf import settings

url = urlsplit(os.environ["DATABASE_URL"])
settings.configure(
    SECRET_KEY="hashbridge-integration-test",
    USE_TZ=True,
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"],
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": url.path.lstrip("/"),
            "USER": unquote(url.username or ""),
            "PASSWORD": unquote(url.password or ""),
            "HOST": url.hostname,
            "PORT": url.port or 5432,
            "OPTIONS": {"options": "-c search_path=%s" % os.environ["DJANGO_SCHEMA"]},
        }
    },
    # Django 5.2's default list, then the two hashers it ships outside it.
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher",
        "django.contrib.auth.hashers.BCryptPasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ],
)
django.setup()

from django.contrib.auth.hashers import get_hasher, make_password  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402

call_command("migrate", verbosity=0, interactive=False)
default_algorithm = get_hasher().algorithm
for wanted in json.load(sys.stdin):
    user = User.objects.create_user(
        wanted["username"],
        wanted["email"],
        wanted["password"] if wanted["hasher"] == default_algorithm else None,
        first_name=wanted["username"].capitalize(),
    )
    if wanted["password"] is not None and wanted["hasher"] != default_algorithm:
        user.password = make_password(wanted["password"], hasher=wanted["hasher"])
        user.save(update_fields=["password"])
