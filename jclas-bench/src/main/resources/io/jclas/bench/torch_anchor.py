"""The PyTorch-eager anchor of `jclas benchmark --anchors`: what a user would otherwise write in Python.

Run by io.jclas.bench.TorchAnchor through Debian's /usr/bin/python3 (python3-torch, python3-torchvision),
one process per model. It builds torchvision's version of the model with the benchmark's input
(channels, side, classes; `--small-input`: stride 1 in the first convolution and no stem max-pool, as
jclas's Arch.small_input) and prints one JSON object on stdout:

  latency  {"rows": [{"batch", "threads", "median_ms", "p90_ms"}]}  eval-mode forwards, torch.inference_mode
  train    {"rows": [{"batch", "threads", "img_per_s"}]}           forward, cross-entropy, backward and a
           momentum-SGD step (0.9, L2 5e-4, as the benchmark's recipe) on one batch held in memory
  peak     {"rows": [{"threads", "gflops"}]}                        best of 10 products of two 1024x1024 matrices

Random weights and inputs: speed does not depend on their values.
"""
import argparse
import json
import time

import torch
import torchvision


def build(name, channels, classes, small_input):
    net = getattr(torchvision.models, name)(num_classes=classes)
    parent, attr, conv = first_conv(net)
    if channels != conv.in_channels or small_input:
        stride = 1 if small_input else conv.stride
        setattr(parent, attr, torch.nn.Conv2d(channels, conv.out_channels, conv.kernel_size, stride,
                                              conv.padding, bias=conv.bias is not None))
    if small_input and hasattr(net, "maxpool"):
        net.maxpool = torch.nn.Identity()
    return net


def first_conv(net):
    for parent in net.modules():
        for attr, child in parent.named_children():
            if isinstance(child, torch.nn.Conv2d):
                return parent, attr, child
    raise SystemExit("no convolution in " + type(net).__name__)


def percentile(sorted_ms, q):
    return sorted_ms[min(len(sorted_ms) - 1, int(q * len(sorted_ms)))]


def latency(net, a):
    net.eval()
    rows = []
    for batch in a.batches:
        x = torch.randn(batch, a.channels, a.size, a.size)
        for threads in a.threads:
            torch.set_num_threads(threads)
            with torch.inference_mode():
                for _ in range(a.warmup):
                    net(x)
                ms = []
                for _ in range(a.iterations):
                    t0 = time.perf_counter()
                    net(x)
                    ms.append((time.perf_counter() - t0) * 1e3)
            ms.sort()
            median = (ms[(len(ms) - 1) // 2] + ms[len(ms) // 2]) / 2
            rows.append({"batch": batch, "threads": threads, "median_ms": median, "p90_ms": percentile(ms, 0.9)})
    return rows


def train(net, a):
    net.train()
    rows = []
    for batch in a.batches:
        x = torch.randn(batch, a.channels, a.size, a.size)
        y = torch.randint(0, a.classes, (batch,))
        for threads in a.threads:
            torch.set_num_threads(threads)
            opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
            loss_fn = torch.nn.CrossEntropyLoss()
            for i in range(a.warmup + a.iterations):
                if i == a.warmup:
                    t0 = time.perf_counter()
                opt.zero_grad(set_to_none=False)
                loss_fn(net(x), y).backward()
                opt.step()
            seconds = time.perf_counter() - t0
            rows.append({"batch": batch, "threads": threads, "img_per_s": a.iterations * batch / seconds})
    return rows


def peak(a):
    rows = []
    m = torch.rand(1024, 1024)
    for threads in a.threads:
        torch.set_num_threads(threads)
        m @ m
        best = min(timed(lambda: m @ m) for _ in range(10))
        rows.append({"threads": threads, "gflops": 2 * 1024 ** 3 / best / 1e9})
    return rows


def timed(f):
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def ints(s):
    return [int(v) for v in s.split(",")]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["latency", "train", "peak"])
    p.add_argument("--model", help="torchvision name, e.g. shufflenet_v2_x1_0")
    p.add_argument("--batches", type=ints, default=[1])
    p.add_argument("--threads", type=ints, default=[1])
    p.add_argument("--channels", type=int, default=3)
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--classes", type=int, default=1000)
    p.add_argument("--small-input", action="store_true")
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--iterations", type=int, default=30)
    a = p.parse_args()
    # one inter-op thread, as jclas runs one op at a time; must precede any parallel work
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    if a.mode == "peak":
        rows = peak(a)
    else:
        net = build(a.model, a.channels, a.classes, a.small_input)
        rows = latency(net, a) if a.mode == "latency" else train(net, a)
    print(json.dumps({"torch": torch.__version__, "torchvision": torchvision.__version__, "rows": rows}))


if __name__ == "__main__":
    main()
