"""Hooks for apps above this one (letters).

Transition hooks — ``register_transition_hook(fn)`` — run on every application transition, inside
its transaction, after the compare-and-set status write, before the event row and the commit::

    fn(application=..., from_status=..., to_status=..., actor=request_user, membership=..., action=...)

(An app that cares about one status only registers a hook on entering it with the engine:
``balai.core.workflow.register_enter_hook(fn, status=..., flag=...)``, as letters does.) A hook may
raise ``ValidationError`` to veto the transition (everything rolls back). Hooks must accept
``**kwargs`` so that new arguments can be added.
"""

_hooks = []


def register_transition_hook(fn):
    if fn not in _hooks:
        _hooks.append(fn)
    return fn


def unregister_transition_hook(fn):
    if fn in _hooks:
        _hooks.remove(fn)


# --- signing credentials ---------------------------------------------------------------------
# Apps above this one (letters) say whether signing ("sign") needs the signer's NIK and passphrase for an
# external electronic-signature service (BSrE): the action form then asks for them, and the transition
# passes them on to the hooks as ``signer_options`` (used for that one request, never stored).

_signing_prompts = []


def register_signing_prompt(fn):
    """``fn() -> bool``: True when signing needs the signer's NIK and passphrase."""
    if fn not in _signing_prompts:
        _signing_prompts.append(fn)
    return fn


def signing_needs_passphrase() -> bool:
    return any(fn() for fn in _signing_prompts)


def run_transition_hooks(*, subject, step, from_status, to_status, who, signer_options=None, **kwargs):
    """The engine's hook on entering any status of an application workflow (registered in
    ``ApplicationsConfig.ready()``): calls the transition hooks with the application's words."""
    for fn in list(_hooks):
        fn(application=subject, from_status=from_status, to_status=to_status, actor=who.get("user"),
           membership=who.get("membership"), action=step.action, signer_options=signer_options)


# --- links on the status pages ---------------------------------------------------------------
# Apps above this one (letters) add links to an application's status pages (public tracking page and
# detail page): ``fn(application) -> [(label, url), …]``, e.g. "Unduh surat" once a letter is issued.

_status_links = []


def register_status_links(fn):
    if fn not in _status_links:
        _status_links.append(fn)
    return fn


def status_links(application):
    links = []
    for fn in list(_status_links):
        links.extend(fn(application) or [])
    return links
