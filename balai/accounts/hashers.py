"""Password hashing with Argon2id at the OWASP Password Storage Cheat Sheet's parameters:
19 MiB of memory (m=19456 KiB), 2 iterations, 1 lane.

Django's default Argon2 parameters use 100 MiB per hash with 8 lanes: one sign-in grew a gunicorn worker
from 70 to 185 MB, and fifty staff signing in at 07:30 would need 5 GB. OWASP's first option costs a
fifth of the memory for a comparable resistance to guessing (docs/deployment.md). The algorithm name
stays ``argon2``, so hashes made with Django's parameters are still verified and, because
``must_update`` compares the parameters, rehashed with these on the next successful sign-in."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class BalaiArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19456  # KiB = 19 MiB
    parallelism = 1
