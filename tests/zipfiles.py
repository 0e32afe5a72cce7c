"""A ZIP archive built from, and read back into, its members ({name: bytes}), for the tests of the readers and the
erasure that need one (a Word document's parts, an ODK export, an archive of notes)."""
from __future__ import annotations

import io
import zipfile


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    """The archive of these members, in their order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    """An archive's members, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}
