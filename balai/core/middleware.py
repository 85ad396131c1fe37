from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers


class LanguageMiddleware:
    """Bahasa Indonesia unless the visitor chose English with the switch (the language cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: a phone set to English
    still gets the Indonesian UI first, as the service is Indonesian."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class NoStoreMiddleware:
    """``Cache-Control: no-store`` (with Django's other never-cache headers) on every answer to a
    signed-in request — staff or citizen, pages, downloads and API alike — so that no browser cache,
    shared computer or proxy keeps a copy of personal data. The public pages that show personal data
    after a check (the status page, the letter download) mark themselves with ``never_cache``.

    Placed after the authentication middleware: it reads ``request.user`` after the view ran, so a
    user that DRF authenticated from a token counts too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)  # a view that already said no-store keeps its own header
        return response


NUL = "\x00"


def _carries_nul(request) -> bool:
    if NUL in request.path:
        return True
    if any(NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()):
        return True
    if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded",
                                                             "multipart/form-data"):
        return any(NUL in key or any(NUL in value for value in values) for key, values in request.POST.lists())
    return False


class RefuseNulMiddleware:
    """400 "Permintaan memuat karakter yang tidak diizinkan." for any NUL byte in the path, the query
    string or a form value. No user types one; PostgreSQL refuses it in text, so without this every
    view that passes such a value to a query would answer 500. Placed early (after the language is
    chosen, so the message is in the visitor's language), before any view or DRF parses the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _carries_nul(request):
            from django.http import HttpResponseBadRequest, JsonResponse
            from django.utils.translation import gettext as _

            message = _("Permintaan memuat karakter yang tidak diizinkan.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
