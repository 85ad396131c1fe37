"""Transition hooks for apps above this one (letters): ``register_transition_hook(fn)``.

``application_transition`` calls every hook inside its transaction, after the transition is validated
and the status row updated, before the commit::

    fn(application=..., from_status=..., to_status=..., actor=request_user, membership=..., action=...)

A hook may raise ``ValidationError`` to veto the transition (everything rolls back). Hooks must
accept ``**kwargs`` so that new arguments can be added.
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


def run_transition_hooks(**kwargs):
    for fn in list(_hooks):
        fn(**kwargs)


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
