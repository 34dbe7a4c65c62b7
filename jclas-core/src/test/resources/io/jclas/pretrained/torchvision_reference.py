"""Reference files for jclas's torchvision import tests (run by TorchvisionReference.java).

Usage: /usr/bin/python3 torchvision_reference.py OUT_DIR NAME:SIZE[:legacy|:wrongshape] ...

For each torchvision model NAME (resnet18, shufflenet_v2_x1_0, ...) it writes, into OUT_DIR:
  NAME.pth           the state dict, torch.save's zip format (NAME_legacy.pth with ':legacy': the
                     pre-1.6 format, _use_new_zipfile_serialization=False; NAME_wrongshape.pth with
                     ':wrongshape': layer1.0.conv1.weight cut to [..., :2], a damaged file)
  NAME.input.f32     the fixed input, float32 little endian, shape [2, 3, SIZE, SIZE]
  NAME.logits.f32    torchvision's logits on it in eval mode, float32, shape [2, 1000]
Weights are torchvision's random initialisation; BatchNorm statistics are random too: first the
statistics of random images (so that 50 residual blocks keep activations in range), then each
mean shifted and each variance scaled at random, and BatchNorm's affine parameters drawn at random.
"""
import os
import sys

import torch
import torchvision


def randomize_batchnorm(model, size, generator):
    batchnorms = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    for bn in batchnorms:
        bn.reset_running_stats()
        bn.momentum = None  # cumulative average over the calibration batches
    model.train()
    with torch.no_grad():
        for _ in range(2):
            model(torch.randn(4, 3, size, size, generator=generator))
        for bn in batchnorms:
            c = bn.num_features
            bn.running_mean += 0.1 * torch.randn(c, generator=generator)
            bn.running_var *= 0.75 + 0.5 * torch.rand(c, generator=generator)
            bn.weight.copy_(0.5 + torch.rand(c, generator=generator))
            bn.bias.copy_(0.2 * torch.randn(c, generator=generator))
    model.eval()


def write_f32(path, tensor):
    with open(path, "wb") as f:
        f.write(tensor.detach().contiguous().to(torch.float32).numpy().astype("<f4").tobytes())


def main(out_dir, specs):
    for spec in specs:
        parts = spec.split(":")
        name, size, variant = parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""
        torch.manual_seed(16)
        generator = torch.Generator().manual_seed(1616)
        model = getattr(torchvision.models, name)(weights=None)
        randomize_batchnorm(model, size, generator)
        x = torch.randn(2, 3, size, size, generator=generator)
        with torch.no_grad():
            logits = model(x)
        stem = name + ("_" + variant if variant else "")
        state = model.state_dict()
        if variant == "wrongshape":
            state["layer1.0.conv1.weight"] = state["layer1.0.conv1.weight"][..., :2].clone()
        torch.save(state, os.path.join(out_dir, stem + ".pth"),
                   _use_new_zipfile_serialization=variant != "legacy")
        write_f32(os.path.join(out_dir, stem + ".input.f32"), x)
        write_f32(os.path.join(out_dir, stem + ".logits.f32"), logits)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
