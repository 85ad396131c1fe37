"""The registry of document kinds: how the public verification page describes a document of each kind.

An app that issues documents registers its kind in ``AppConfig.ready()``::

    register_kind(DocumentKind(key="letter", describe=describe_letter))

``describe(document) -> DocumentFacts`` reads the app's own row behind the document (``document.letter``
for letters) and returns what a checker may see; names of persons are masked by the kind.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentFacts:
    """What the public verification page and API show about a document."""

    title: str  # "Surat Keterangan Tidak Mampu"
    number: str = ""
    issued_on: datetime.date | None = None
    issuing_office: str = ""
    signer: str = ""  # "Budi Santoso (Kepala Desa)"
    holder_masked: str = ""  # "Si** Am****"


@dataclass(frozen=True)
class DocumentKind:
    key: str  # stored in Document.kind, at most 40 characters
    describe: Callable[[object], DocumentFacts]


_kinds: dict[str, DocumentKind] = {}


def register_kind(kind: DocumentKind) -> None:
    _kinds[kind.key] = kind


def get_kind(key: str) -> DocumentKind:
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"document kind {key!r} is not registered (core.documents.kinds.register_kind)") from None


def describe(document) -> DocumentFacts:
    return get_kind(document.kind).describe(document)


def unregister_kind(key: str) -> None:
    """Forget a kind (tests that register a kind of their own clean up with it)."""
    _kinds.pop(key, None)
