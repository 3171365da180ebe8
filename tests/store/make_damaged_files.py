"""Writes the damaged-results-file corpus the store's tests read (tests/store/damaged_files_test.cpp).

    make_damaged_files.py GOOD.h5 DIR

GOOD.h5 is a results file descent wrote; each file written into DIR is a copy of it with one
kind of damage, named after the damage. Every one must be refused by descent as "not a valid
results file" (exit status 2), never read past an end or crash.
"""

import shutil
import sys

import h5py
import numpy as np


def first_run(f):
    return f["runs"][sorted(f["runs"].keys())[0]]


def replace(group, name, data):
    del group[name]
    group.create_dataset(name, data=data)


def shorter_f(f):
    trace = first_run(f)["trace"]
    replace(trace, "f", trace["f"][:-1])


def iter_twenty_times_longer(f):
    trace = first_run(f)["trace"]
    replace(trace, "iter", np.tile(trace["iter"][()], 20))


def declared_terabyte(f):
    trace = first_run(f)["trace"]
    del trace["iter"]
    # Chunked and never written: the file stays small while the header declares 1 TB.
    trace.create_dataset("iter", shape=(1 << 37,), dtype="i8", chunks=(1024,))


def x0_of_wrong_length(f):
    run = first_run(f)
    replace(run, "x0", np.zeros(run["x0"].shape[0] + 1))


def text_trace_column(f):
    trace = first_run(f)["trace"]
    n = trace["f"].shape[0]
    del trace["f"]
    trace.create_dataset("f", data=np.array([b"nan"] * n))


def missing_attribute(f):
    del first_run(f).attrs["stop_reason"]


def missing_index(f):
    del f["index"]


def index_of_numbers(f):
    del f["index"]
    f.create_dataset("index", data=np.arange(3.0))


DAMAGES = [shorter_f, iter_twenty_times_longer, declared_terabyte, x0_of_wrong_length,
           text_trace_column, missing_attribute, missing_index, index_of_numbers]


def flipped_global_heap_byte(path):
    """One flipped byte in the global heap that holds the variable-length strings: the top
    byte of the first object's size (bytes 24-31 of its collection; HDF5 file format
    specification, global heap), which makes HDF5 1.10 copy past the collection's end."""
    with open(path, "r+b") as f:
        data = f.read()
        collection = data.find(b"GCOL\x01\x00\x00\x00")
        assert collection >= 0, "no global heap collection"
        f.seek(collection + 31)
        f.write(bytes([data[collection + 31] ^ 0xFF]))


# Damage done to the bytes of the file, below what h5py can write.
BYTE_DAMAGES = [flipped_global_heap_byte]


def main():
    good, directory = sys.argv[1], sys.argv[2]
    for damage in DAMAGES:
        path = f"{directory}/{damage.__name__}.h5"
        shutil.copyfile(good, path)
        with h5py.File(path, "r+") as f:
            damage(f)
        print(path)
    for damage in BYTE_DAMAGES:
        path = f"{directory}/{damage.__name__}.h5"
        shutil.copyfile(good, path)
        damage(path)
        print(path)


if __name__ == "__main__":
    main()
