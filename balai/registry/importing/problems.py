"""What can go wrong in an import, in words an operator understands (Indonesian msgids)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _


class FileProblem(Exception):
    """The file as a whole cannot be read (empty, not a table, wrong encoding, missing column)."""


@dataclass(frozen=True)
class Problem:
    row: int  # row number as the spreadsheet shows it (header = 1); 0 for the whole file
    column: str  # column name in the file, "" when the whole row or file is meant
    message: str
    level: str = "error"  # "error" or "warning"

    def as_text(self) -> str:
        where = []
        if self.row:
            where.append(_("baris %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("kolom “%(column)s”") % {"column": self.column})
        prefix = ", ".join(where)
        return f"{prefix[:1].upper()}{prefix[1:]}: {self.message}" if prefix else self.message

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message, "level": self.level}
