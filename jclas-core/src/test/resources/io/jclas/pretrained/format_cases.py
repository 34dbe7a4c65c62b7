"""Small weight files in each format jclas reads, with known values (run by WeightFilesTest.java).

Usage: /usr/bin/python3 format_cases.py OUT_DIR [torch]

Always (numpy only): p2.pdparams and p4.pdparams, paddle.save's layout with pickle protocols 2 and 4:
  conv.w     float32 [2, 3, 2, 2] = arange(24)
  fc.w       float64 [3, 2] = arange(6) / 4
  half       float16 [4] = [0.5, -2, 65504, 2**-24]
  steps      int64 [2] = [7, -3]
  fortran    float32 [3, 4] = arange(12).reshape(3, 4) stored in Fortran order
  big        float32 [2, 5] = arange(10), split as Paddle splits big arrays: big@@.0 (6), big@@.1 (4)
             and UnpackBigParamInfor@@ {big: {OriginShape: (2, 5), slices: [...]}}
  StructuredToParameterName@@  {conv.w: conv2d_0.w_0, ...}: not an array
With 'torch': t.pth (zip) and t_legacy.pth (legacy) of a state dict:
  w          float32 [3, 2] = arange(6).reshape(2, 3).t()   (a non-contiguous view)
  row        float32 [3] = arange(12).reshape(4, 3)[2]      (a view at storage offset 6)
  h          float16 [2] = [1.5, -0.25]
  bn.num_batches_tracked  int64 []: left out by the reader
"""
import os
import pickle
import sys

import numpy as np


def pdparams(out_dir):
    big = np.arange(10, dtype=np.float32).reshape(2, 5)
    flat = big.flatten()
    d = {
        "conv.w": np.arange(24, dtype=np.float32).reshape(2, 3, 2, 2),
        "fc.w": np.arange(6, dtype=np.float64).reshape(3, 2) / 4,
        "half": np.array([0.5, -2, 65504, 2 ** -24], dtype=np.float16),
        "steps": np.array([7, -3], dtype=np.int64),
        "fortran": np.asfortranarray(np.arange(12, dtype=np.float32).reshape(3, 4)),
        "big@@.0": flat[:6],
        "big@@.1": flat[6:],
        "UnpackBigParamInfor@@": {"big": {"OriginShape": big.shape, "slices": ["big@@.0", "big@@.1"]}},
        "StructuredToParameterName@@": {"conv.w": "conv2d_0.w_0", "fc.w": "linear_0.w_0"},
    }
    for protocol in (2, 4):
        with open(os.path.join(out_dir, "p%d.pdparams" % protocol), "wb") as f:
            pickle.dump(d, f, protocol=protocol)


def torch_files(out_dir):
    import collections
    import torch
    state = collections.OrderedDict()
    state["w"] = torch.arange(6, dtype=torch.float32).reshape(2, 3).t()
    state["row"] = torch.arange(12, dtype=torch.float32).reshape(4, 3)[2]
    state["h"] = torch.tensor([1.5, -0.25], dtype=torch.float16)
    state["bn.num_batches_tracked"] = torch.tensor(5)
    torch.save(state, os.path.join(out_dir, "t.pth"))
    torch.save(state, os.path.join(out_dir, "t_legacy.pth"), _use_new_zipfile_serialization=False)


if __name__ == "__main__":
    pdparams(sys.argv[1])
    if sys.argv[2:] == ["torch"]:
        torch_files(sys.argv[1])
