"""Fold docs/compat-*.md fragments into docs/compatibility.md.

Engineers working on one module at a time write their choices into a
fragment; this appends each fragment as a section (its headings demoted one
level) and removes it, so docs/compatibility.md stays the one place to look.
Usage: python3 scripts/merge_compat.py docs/compat-a.md [docs/compat-b.md ...]
"""

import pathlib
import re
import sys

TARGET = pathlib.Path("docs/compatibility.md")
INTRO = """# Compatibility with Mimer SQL 11: choices where Mimer's behaviour is unknown

mimerlite follows Mimer SQL 11 wherever its behaviour is known
(../shared/spec/mimer-sql.md, ../shared/spec/mimer-c-api.md). Where it is
not, we follow SQL:2016, and every such choice is written down here, by
module. Error codes marked "chosen" in `engine/src/util/errors.h` are ours.
"""


def demote(text: str) -> str:
    """Push every Markdown heading one level down."""
    return re.sub(r"^(#+) ", lambda m: "#" + m.group(1) + " ", text, flags=re.M)


def main(paths: list[str]) -> None:
    body = TARGET.read_text() if TARGET.exists() else INTRO
    for name in paths:
        fragment = pathlib.Path(name)
        body = body.rstrip("\n") + "\n\n" + demote(fragment.read_text()).strip("\n") + "\n"
        fragment.unlink()
    TARGET.write_text(body)


if __name__ == "__main__":
    main(sys.argv[1:])
