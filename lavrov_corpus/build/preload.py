"""Imported once by the fork server of a parallel build (see :func:`.pipeline.worker_context`):
its worker processes are forked with the converter imported and warmed up (its patterns
compiled, its first-use caches filled) instead of each paying for that again.

Nothing here imports pyarrow or starts a thread, so forking after it is safe.
"""

from __future__ import annotations

from ..extract import convert_bytes

#: A short article that takes the converter through its usual steps (quotes, attribution,
#: treaty mentions, a dateline).
SAMPLE = (
    "Lavrov says the New START treaty must not die\n\n"
    "MOSCOW, March 3. /TASS/. Russian Foreign Minister Sergey Lavrov said on Tuesday that "
    "Moscow was ready to talk about strategic stability.\n\n"
    "“We have never refused a dialogue on the Treaty on the Non-Proliferation of Nuclear "
    "Weapons,” Lavrov told reporters. He added that the INF Treaty was “buried alive”.\n\n"
    '"The ball is in their court," the minister said.\n'
)

convert_bytes(SAMPLE.encode("utf-8"), source_path="preload.txt")
