"""What every request goes through: security headers, the body size limit, the optional token.

A plain ASGI middleware, outermost, so that a 100 MB body is refused from its announced length
(or, without one, as soon as the bytes read pass the limit) before any endpoint buffers it.
"""
from __future__ import annotations

import hmac

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser

from checker.web.config import Settings
from checker.web.errors import TropVolumineux, error_response

# No inline script or style anywhere: the pages load /static/app.js and /static/style.css only,
# and nothing from another origin (the server may sit on an intranet without Internet access).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = (
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
)
COOKIE = "delibcheck_jeton"
OPEN_PATHS = ("/connexion", "/static/", "/sante")


def token_of(headers: Headers) -> str | None:
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return cookie_parser(headers.get("cookie", "")).get(COOKIE)


def token_ok(settings: Settings, given: str | None) -> bool:
    if not settings.jeton:
        return True
    return given is not None and hmac.compare_digest(given.encode(), settings.jeton.encode())


class Garde:
    def __init__(self, app, settings: Settings):
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS:
                    if name not in headers:
                        headers[name] = value
            await send(message)

        path = scope.get("path", "")
        headers = Headers(scope=scope)
        if self.settings.jeton and not path.startswith(OPEN_PATHS):
            if not token_ok(self.settings, token_of(headers)):
                await _unauthorised(path)(scope, receive, send_with_headers)
                return
        limit = self.settings.taille_max
        announced = headers.get("content-length")
        if announced is not None:
            if not announced.isdigit():
                await error_response(path, 400, "en-tête Content-Length invalide", "Content-Length")(
                    scope, receive, send_with_headers)
                return
            if int(announced) > limit:
                await error_response(path, 413, _too_big(limit), "corps de la requête")(scope, receive, send_with_headers)
                return
        received = 0

        async def bounded_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TropVolumineux(_too_big(limit))
            return message

        await self.app(scope, bounded_receive, send_with_headers)


def _too_big(limit: int) -> str:
    return f"requête trop volumineuse : {limit // (1024 * 1024)} Mo au plus"


def _unauthorised(path: str):
    if path.startswith("/api/"):
        response = error_response(path, 401, "jeton d'accès absent ou invalide : en-tête « Authorization: Bearer "
                                  "JETON »", "Authorization")
        response.headers["www-authenticate"] = "Bearer"
        return response
    from starlette.responses import RedirectResponse
    return RedirectResponse("/connexion", status_code=303)
