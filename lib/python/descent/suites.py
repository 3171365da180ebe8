"""descent.run_suite: `descent run` from Python (docs/python.md, "Suites and results")."""

import os
from pathlib import Path
from typing import Optional, Union

from . import _descent


def run_suite(
    path: Union[str, os.PathLike],
    output: Optional[Union[str, os.PathLike]] = None,
    threads: int = 1,
) -> Path:
    """Runs the suite file at `path` into the results file `output` (default
    results/<suite name>.h5, as `descent run`) on `threads` threads and returns its path.

    An existing output is resumed: runs already stored are skipped. A malformed suite raises
    descent.ConfigError (a ValueError) naming file, line and key, and writes nothing.
    """
    return Path(_descent._run_suite(Path(path), None if output is None else Path(output), threads))
