"""Regenerates legacy-users.json: the demo's legacy users, hashed by real passlib 1.7.4 at its default costs.

    python3 -m venv /tmp/passlib && /tmp/passlib/bin/pip install passlib==1.7.4 bcrypt==4.0.1 argon2-cffi
    /tmp/passlib/bin/python examples/demo/make-legacy-users.py > examples/demo/legacy-users.json

The hashes are committed so the demo needs no Python; the passwords are the demo's, shown on its login page.
"""
import json
import sys

from passlib.registry import get_crypt_handler

USERS = [
    ("ada@example.com", "analytical engine", "bcrypt", "Ada"),
    ("grace@example.com", "COBOL forever", "argon2", "Grace"),
    ("alan@example.com", "enigma 1942", "pbkdf2_sha256", "Alan"),
    ("edsger@example.com", "goto considered harmful", "sha512_crypt", "Edsger"),
    ("barbara@example.com", "abstraction!", "django_pbkdf2_sha256", "Barbara"),
]

users = [
    {"email": email, "password": password, "scheme": scheme, "name": name, "hash": get_crypt_handler(scheme).hash(password)}
    for email, password, scheme, name in USERS
]
json.dump(users, sys.stdout, indent=2)
sys.stdout.write("\n")
