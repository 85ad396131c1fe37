"""Balai's one settings module. Everything that differs between machines comes from the environment;
docs/configuration.md lists every variable."""

import json
import os
import sys
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("BALAI_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def tile_origin(url_template):
    """The CSP source of a map tile URL template: "https://tile.openstreetmap.org/{z}/{x}/{y}.png" →
    "https://tile.openstreetmap.org"; a "{s}" subdomain becomes a wildcard ("https://*.tile.example");
    a relative URL (tiles served by this site) needs nothing beyond 'self' → None."""
    from urllib.parse import urlsplit

    parts = urlsplit(url_template)
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc.replace("{s}.", "*.").replace("{s}", "*")
    return f"{parts.scheme}://{host}"


TESTING = "pytest" in sys.modules or env_bool("BALAI_TESTING")
DEBUG = env_bool("DEBUG", False)
DEV_SECRET_KEY = "dev-only-insecure-key-set-SECRET_KEY-in-production-0123456789abcdefghijklmnopqrstuvwxyz"
SECRET_KEY = os.environ.get("SECRET_KEY") or DEV_SECRET_KEY
# Production is BALAI_HTTPS=1 with DEBUG off (docs/deployment.md): there a missing or weak secret stops
# the start instead of falling back to the public development key (sessions, download keys and letter
# seals would be forgeable with it).
BALAI_PRODUCTION = env_bool("BALAI_HTTPS") and not DEBUG
MIN_SECRET_LENGTH = 50


def require_secret(name, value):
    """Refuse to start in production without a real secret in the variable ``name``."""
    from django.core.exceptions import ImproperlyConfigured

    if not value or value == DEV_SECRET_KEY or len(value) < MIN_SECRET_LENGTH or len(set(value)) < 5:
        raise ImproperlyConfigured(
            f"{name} must be set to {MIN_SECRET_LENGTH}+ random characters in production (BALAI_HTTPS=1, "
            f"DEBUG=0), e.g. python3 -c \"import secrets; print(secrets.token_urlsafe(64))\"; see docs/deployment.md.")


if BALAI_PRODUCTION:
    require_secret("SECRET_KEY", os.environ.get("SECRET_KEY", ""))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The regency this installation serves (Kemendagri code). 35.10 is Kabupaten Banyuwangi.
BALAI_REGENCY = os.environ.get("BALAI_REGENCY", "35.10")
BALAI_PUBLIC_URL = os.environ.get("BALAI_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

# Issued letters and documents (docs/letters.md, docs/configuration.md).
# Letter numbering: per_type (default), all, or register (shared with the outgoing-mail register).
BALAI_LETTER_NUMBERING = os.environ.get("BALAI_LETTER_NUMBERING", "per_type")
# Signer: seal (HMAC seal, default), bsre (BSrE TTE adapter) or a dotted path to a Signer subclass.
BALAI_LETTER_SIGNER = os.environ.get("BALAI_LETTER_SIGNER", "seal")
# Key of the seals, its own secret so that SECRET_KEY can rotate without breaking seals: required in
# production (an installation that sealed with SECRET_KEY sets it to that value); elsewhere empty
# means SECRET_KEY.
BALAI_LETTER_SEAL_SECRET = os.environ.get("BALAI_LETTER_SEAL_SECRET", "")
if BALAI_PRODUCTION:
    require_secret("BALAI_LETTER_SEAL_SECRET", BALAI_LETTER_SEAL_SECRET)
BALAI_BSRE_URL = os.environ.get("BALAI_BSRE_URL", "")
BALAI_BSRE_USER = os.environ.get("BALAI_BSRE_USER", "")
BALAI_BSRE_PASSWORD = os.environ.get("BALAI_BSRE_PASSWORD", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "balai.core",
    "balai.regions",
    "balai.accounts",
    "balai.registry",
    "balai.services",
    "balai.applications",
    "balai.letters",
    "balai.queues",
    "balai.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "balai.core.middleware.LanguageMiddleware",
    "balai.core.middleware.RefuseNulMiddleware",  # before anything parses the request: see its docstring
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "balai.core.middleware.NoStoreMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "balai.accounts.middleware.MembershipMiddleware",
    "balai.accounts.middleware.IdleTimeoutMiddleware",
    "balai.accounts.otp.SecondFactorMiddleware",
    "balai.core.access.AccessPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "balai.urls"
WSGI_APPLICATION = "balai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "balai.accounts.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'balai.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    # Argon2id at OWASP's parameters (19 MiB, t=2, p=1) instead of Django's 100 MiB: see balai/accounts/hashers.py.
    "balai.accounts.hashers.BalaiArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create hundreds of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "portal:home"
CITIZEN_HOME_URL = "portal:citizen_home"  # where a signed-in citizen lands (accounts:home sends them)

# The client's address for every limit (DRF throttles, attempt limits, the login lockout) and log:
# balai/core/client.py. 0: the connecting address, X-Forwarded-For ignored (a client writes it).
# N > 0: behind N reverse proxies that append to X-Forwarded-For, the N-th address from its right.
BALAI_TRUSTED_PROXIES = int(os.environ.get("BALAI_TRUSTED_PROXIES", "0"))

# Lockout after repeated failed logins, per user name AND client address together: a stranger's five
# wrong passwords lock the name only for the stranger's address, never for its owner elsewhere.
AXES_FAILURE_LIMIT = int(os.environ.get("BALAI_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "balai.core.client.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_ENABLED = not env_bool("BALAI_AXES_DISABLED")

OTP_TOTP_ISSUER = "Balai"
# Staff sessions end after this many seconds without a request.
BALAI_STAFF_IDLE_SECONDS = int(os.environ.get("BALAI_STAFF_IDLE_SECONDS", str(30 * 60)))
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(12 * 3600)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media-private/"  # never served directly: files go through permission-checked views
# Stored files (issued documents' PDFs, uploads) go through Django's storage API: files under MEDIA_ROOT
# by default; an S3-compatible (or any other) backend by naming its class and passing its options as JSON,
# e.g. BALAI_STORAGE_BACKEND=storages.backends.s3.S3Storage
# BALAI_STORAGE_OPTIONS='{"bucket_name": "balai", "endpoint_url": "https://s3.example.id"}' (django-storages).
BALAI_STORAGE_BACKEND = os.environ.get("BALAI_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")
BALAI_STORAGE_OPTIONS = json.loads(os.environ.get("BALAI_STORAGE_OPTIONS", "") or "{}")
STORAGES = {
    "default": {"BACKEND": BALAI_STORAGE_BACKEND, "OPTIONS": BALAI_STORAGE_OPTIONS},
    "staticfiles": {
        "BACKEND": (
            # Hashed names and far-future caching in production (needs `balai collectstatic`).
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("BALAI_STATIC_MANIFEST", env_bool("BALAI_HTTPS")) and not TESTING
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING or env_bool("BALAI_SERVE_FROM_FINDERS", True)
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# E-mail
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.locmem.EmailBackend" if TESTING else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Balai <noreply@balai.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Notifications (balai/core/outbox.py, balai/core/notify.py): every message is a core.OutboxMessage row
# sent by a background task after commit. Each channel names its transport: "email" (Django mail),
# "gateway" (the WhatsApp/SMS HTTP gateway below) or "log" (the balai.notify logger, the working
# backend when no gateway is configured).
BALAI_WHATSAPP_GATEWAY_URL = os.environ.get("BALAI_WHATSAPP_GATEWAY_URL", "")
BALAI_WHATSAPP_GATEWAY_TOKEN = os.environ.get("BALAI_WHATSAPP_GATEWAY_TOKEN", "")
BALAI_SMS_GATEWAY_URL = os.environ.get("BALAI_SMS_GATEWAY_URL", BALAI_WHATSAPP_GATEWAY_URL)
BALAI_SMS_GATEWAY_TOKEN = os.environ.get("BALAI_SMS_GATEWAY_TOKEN", BALAI_WHATSAPP_GATEWAY_TOKEN)
BALAI_GATEWAY_TIMEOUT = float(os.environ.get("BALAI_GATEWAY_TIMEOUT", "10"))
BALAI_NOTIFY_TRANSPORTS = {
    "email": os.environ.get("BALAI_NOTIFY_EMAIL", "email"),
    "whatsapp": os.environ.get("BALAI_NOTIFY_WHATSAPP", "gateway" if BALAI_WHATSAPP_GATEWAY_URL else "log"),
    "sms": os.environ.get("BALAI_NOTIFY_SMS", "gateway" if BALAI_SMS_GATEWAY_URL else "log"),
    "log": "log",
}
# A failed send is tried again after these minutes (the last figure repeats), at most this many times.
BALAI_OUTBOX_MAX_ATTEMPTS = int(os.environ.get("BALAI_OUTBOX_MAX_ATTEMPTS", "4"))
BALAI_OUTBOX_BACKOFF_MINUTES = [int(m) for m in env_list("BALAI_OUTBOX_BACKOFF_MINUTES", "1,5,30")]
# How often `balai worker` sweeps the outbox for due messages (retries, sends cut short by a crash); 0 = never.
BALAI_OUTBOX_SWEEP_SECONDS = int(os.environ.get("BALAI_OUTBOX_SWEEP_SECONDS", "60"))

# Caches: local memory by default; set CACHE_URL=redis://... when several web processes run.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith("redis"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL},
              "ratelimit": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL,
                            "KEY_PREFIX": "ratelimit"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
              "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"}}
# Attempt limits of public secret-checking forms, (attempts, seconds) per client: see balai/core/ratelimit.py.
BALAI_ATTEMPT_LIMITS = {}
# A survey kiosk (a device enrolled by hall staff) takes one answer every this many seconds.
BALAI_KIOSK_PACE_SECONDS = 20

# A waiting or running job whose progress row had no heartbeat for this many minutes lost its worker:
# it is marked failed (balai/core/tasks.py). Longer than the longest step without progress reports.
BALAI_TASK_STALE_MINUTES = int(os.environ.get("BALAI_TASK_STALE_MINUTES", "30"))
# Background work: django-tasks with the database backend; tests run tasks immediately.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING and not env_bool("BALAI_TASKS_DB")
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": [],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "balai.accounts.authentication.MembershipTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["balai.core.access.DeclaredAccess"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_RATES": {"public": os.environ.get("BALAI_PUBLIC_API_RATE", "120/min")},
    # Balai's PublicThrottle asks balai.core.client; any other DRF throttle agrees through NUM_PROXIES.
    "NUM_PROXIES": BALAI_TRUSTED_PROXIES,
    "DEFAULT_FILTER_BACKENDS": [],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Balai API",
    "DESCRIPTION": "Public services and village administration of an Indonesian regency.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# drf-spectacular runs its schema generation as a system check and reports naming collisions of
# choice enums as warnings (W001); those are schema cosmetics, not deployment problems. Schema errors are
# still caught by tests/foundation/test_api_schema.py.
SILENCED_SYSTEM_CHECKS = ["drf_spectacular.W001"]

# Maps (Leaflet, vendored under static/vendor/leaflet): the tile server is a setting; its origin is
# added to the CSP's img-src below. OpenStreetMap's own tiles are for light use (their tile usage
# policy); a busy installation sets its own tile server or a provider's.
BALAI_MAP_TILES_URL = os.environ.get("BALAI_MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
BALAI_MAP_ATTRIBUTION = os.environ.get("BALAI_MAP_ATTRIBUTION", "© OpenStreetMap contributors")
_TILE_ORIGIN = tile_origin(BALAI_MAP_TILES_URL)

# Strict Content Security Policy: no inline script or style, everything from our own origin (map
# tiles from the tile server's).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *([_TILE_ORIGIN] if _TILE_ORIGIN else [])],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Production hardening behind HTTPS (BALAI_HTTPS=1).
if env_bool("BALAI_HTTPS"):
    SECURE_SSL_REDIRECT = env_bool("BALAI_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("BALAI_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO" if not TESTING else "WARNING")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
