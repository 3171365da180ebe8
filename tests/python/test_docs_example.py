"""docs/python.md's example runs as written, from a folder laid out like the repository."""

import re

from conftest import SOURCE_DIR


def python_blocks(markdown):
    return re.findall(r"^```python\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL)


def test_the_example_of_docs_python_md_runs(tmp_path, monkeypatch, capsys):
    blocks = python_blocks((SOURCE_DIR / "docs" / "python.md").read_text())
    assert len(blocks) == 1
    (tmp_path / "experiments").symlink_to(SOURCE_DIR / "experiments")
    monkeypatch.chdir(tmp_path)
    exec(compile(blocks[0], "docs/python.md", "exec"), {})
    output = capsys.readouterr().out
    assert output.startswith("converged_grad")
    assert (tmp_path / "lecture.h5").is_file()
