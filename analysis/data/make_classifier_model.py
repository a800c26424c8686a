"""Count the classifier's reference texts into classifier_model.npz (committed; rerun after changing them).

The reference texts are cpv_labels.tsv.gz and sectors.json (its keywords, and the divisions that place each
CPV label in a sector); counting them takes seconds, loading the counts tens of milliseconds. Changing them,
or how analysis/classify.py counts, makes tests/test_classify.py fail until this script runs again.
Usage: python -m analysis.data.make_classifier_model
The output is deterministic (fixed zip timestamps), so running it again gives the same bytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np

from analysis.classify import MODEL_PATH, model_arrays


def write_arrays(arrays: dict[str, np.ndarray], target: Path) -> None:
    """Write arrays as a compressed .npz (what np.load reads), byte for byte reproducible."""
    with zipfile.ZipFile(target, "w") as archive:
        for name, array in arrays.items():
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(entry, "w", force_zip64=True) as handle:
                np.lib.format.write_array(handle, array, allow_pickle=False)


if __name__ == "__main__":
    write_arrays(model_arrays(), MODEL_PATH)
    print(f"wrote {MODEL_PATH}")
