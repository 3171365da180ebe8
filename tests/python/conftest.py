"""Shared setup of the Python tests: ctest runs them with PYTHONPATH=build/python and tells
them where the source and build trees are (tests/CMakeLists.txt)."""

import os
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("DESCENT_SOURCE_DIR", Path(__file__).resolve().parents[2]))
BINARY_DIR = Path(os.environ.get("DESCENT_BINARY_DIR", SOURCE_DIR / "build"))

# Relative error of a result computed in a few exactly specified floating-point operations.
EXACT_STEP = 1e-14


@pytest.fixture
def source_dir():
    return SOURCE_DIR


@pytest.fixture
def binary_dir():
    return BINARY_DIR
