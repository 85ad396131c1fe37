"""gunicorn settings for Balai's web process (docs/deployment.md, "Processes"): sized for the
2-core machine a kabupaten usually gives it; the command line overrides any of them
(`gunicorn -c gunicorn.conf.py --bind 127.0.0.1:9000 balai.wsgi:application`).

Sync workers behind nginx (nginx buffers slow clients, so a worker is never held by a village's slow
link): 2 × cores + 1 workers keep both cores busy while some requests wait on PostgreSQL. Each worker
holds about 90 MB (Argon2 at 19 MiB per sign-in, balai/accounts/hashers.py), so five workers fit in
well under 1 GB."""

import multiprocessing

bind = "127.0.0.1:8001"
workers = 2 * multiprocessing.cpu_count() + 1
worker_class = "sync"
# PDF rendering of a long letter and an export's first bytes fit in 60 s; longer work runs in the worker.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle a worker after about a thousand requests so that a slow leak cannot grow for ever; the jitter
# keeps the workers from restarting together.
max_requests = 1000
max_requests_jitter = 100
# Load the application once in the master so that the workers share its memory pages.
preload_app = True
accesslog = "-"
errorlog = "-"
