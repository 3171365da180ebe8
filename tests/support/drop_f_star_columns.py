#!/usr/bin/python3
"""Rewrites a results file's /index without the f_star and f_star_source columns: the layout
of files written before those columns existed.

    drop_f_star_columns.py RESULTS.h5
"""

import sys

import h5py
import numpy

with h5py.File(sys.argv[1], "r+") as f:
    index = f["index"][:]
    keep = [name for name in index.dtype.names if not name.startswith("f_star")]
    old = numpy.dtype([(name, f["index"].dtype.fields[name][0]) for name in keep])
    rows = numpy.array([tuple(row[name] for name in keep) for row in index], dtype=old)
    del f["index"]
    f.create_dataset("index", data=rows)
