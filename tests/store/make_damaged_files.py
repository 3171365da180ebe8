"""Writes the damaged-results-file corpus the store's tests read (tests/store/damaged_files_test.cpp).

    make_damaged_files.py GOOD.h5 DIR

GOOD.h5 is a results file descent wrote (schema version 1 or 2); each file written into DIR
is a copy of it with one kind of damage for its version, named after the damage. Every one
must be refused by descent as "not a valid results file" (exit status 2), never read past an
end or crash.
"""

import shutil
import sys

import h5py
import numpy as np


# Version 1: one group per run under /runs.

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


DAMAGES_V1 = [shorter_f, iter_twenty_times_longer, declared_terabyte, x0_of_wrong_length,
              text_trace_column, missing_attribute, missing_index, index_of_numbers]


# Version 2: columns shared by the runs, located by the /index row.

def first_layout(f):
    return f["traces"][str(f["index"][0]["trace"])]


def edit_index(f, edit):
    index = f["index"][()]
    edit(index)
    del f["index"]
    f.create_dataset("index", data=index)


def layout_column_shorter(f):
    f_column = first_layout(f)["f"]
    f_column.resize((f_column.shape[0] - 1,))


def layout_column_longer(f):
    iter_column = first_layout(f)["iter"]
    iter_column.resize((iter_column.shape[0] * 20,))


def index_declares_terabyte(f):
    def edit(index):
        index["trace_rows"][0] = 1 << 37
    edit_index(f, edit)


def rows_past_the_end(f):
    def edit(index):
        index["trace_start"][0] = first_layout(f)["f"].shape[0]
    edit_index(f, edit)


def dim_not_x_width(f):
    def edit(index):
        index["dim"][0] += 1
    edit_index(f, edit)


def text_layout_column(f):
    layout = first_layout(f)
    n = layout["f"].shape[0]
    del layout["f"]
    layout.create_dataset("f", data=np.array([b"nan"] * n))


def missing_parameter_set(f):
    del f["params"][str(f["index"][0]["params"])]


def missing_root_attribute(f):
    del f.attrs["suite_sha256"]


def index_without_trace_rows(f):
    index = f["index"][()]
    names = [name for name in index.dtype.names if name != "trace_rows"]
    del f["index"]
    f.create_dataset("index", data=index[names])


def index_of_reals_for_integers(f):
    index = f["index"][()]
    dtype = [(name, "f8" if name == "trace_start" else index.dtype[name]) for name in index.dtype.names]
    del f["index"]
    f.create_dataset("index", data=index.astype(dtype))


DAMAGES_V2 = [layout_column_shorter, layout_column_longer, index_declares_terabyte,
              rows_past_the_end, dim_not_x_width, text_layout_column, missing_parameter_set,
              missing_root_attribute, index_without_trace_rows, index_of_reals_for_integers,
              missing_index, index_of_numbers]


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


def index_string_declares_gigabytes(path):
    """The stored length of /index's first variable-length string (run_id of the first row: the
    4 bytes before its global heap ID) set to 3.6e9, its heap object left as it was. HDF5 1.10
    allocates and zero-fills a buffer of the stored length before it reads the object: 3.6 GB
    and a minute for one damaged field."""
    with h5py.File(path, "r") as f:
        assert f["index"].dtype.names[0] == "run_id", "/index does not start with run_id"
        offset = f["index"].id.get_offset()
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write((3_600_000_000).to_bytes(4, "little"))


def trace_link_blocks_fail_checksum(path):
    """A version-1 trace group keeps its column names in dense link storage: a fractal heap whose
    direct blocks ("FHDB") hold the link messages, each block checksummed (HDF5 file format
    specification, fractal heap). One byte of the name grad_norm is flipped in every such block,
    so listing any trace's columns fails its checksum. Iterated in name order, HDF5 1.10 then
    frees entries of a link table it never filled."""
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        blocks = 0
        start = data.find(b"FHDB")
        while start >= 0:
            name = data.find(b"grad_norm", start, start + 512)
            if name >= 0:
                data[name] ^= 0xFF
                blocks += 1
            start = data.find(b"FHDB", start + 4)
        assert blocks > 0, "no trace group in dense link storage"
        f.seek(0)
        f.write(data)


# Damage done to the bytes of the file, below what h5py can write.
BYTE_DAMAGES = [flipped_global_heap_byte, index_string_declares_gigabytes]
BYTE_DAMAGES_V1 = [trace_link_blocks_fail_checksum]


def main():
    good, directory = sys.argv[1], sys.argv[2]
    with h5py.File(good, "r") as f:
        version = int(f.attrs["schema_version"])
    for damage in DAMAGES_V1 if version == 1 else DAMAGES_V2:
        path = f"{directory}/{damage.__name__}.h5"
        shutil.copyfile(good, path)
        with h5py.File(path, "r+") as f:
            damage(f)
        print(path)
    for damage in BYTE_DAMAGES + (BYTE_DAMAGES_V1 if version == 1 else []):
        path = f"{directory}/{damage.__name__}.h5"
        shutil.copyfile(good, path)
        damage(path)
        print(path)


if __name__ == "__main__":
    main()
