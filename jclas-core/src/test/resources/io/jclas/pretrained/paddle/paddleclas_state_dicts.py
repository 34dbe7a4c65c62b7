"""The state dicts of PaddleClas's zoo models, named and shaped as PaddleClas builds them.

Written from PaddleClas's model sources (ppcls/arch/backbone/legendary_models/*.py and model_zoo/*.py,
develop d178931f; ResNet50_vd's older model-zoo naming from release/2.0's resnet_vd.py) and from
nothing of jclas: each class below has the attributes, in the order, that its PaddleClas namesake
creates, so the structured names come out as Paddle's state_dict() writes them. Only tensors are
modelled (pooling, activations and dropout hold none).

    manifest ARCH...                 prints "ARCH<TAB>key<TAB>d0,d1,..." for every tensor, in state_dict order
    write ARCH FILE PROTOCOL SPLIT   writes FILE as paddle.save(state_dict, FILE, protocol=PROTOCOL) does,
                                     each tensor distinct random values (plausible() scales them); with SPLIT=1 the largest tensor is
                                     split as Paddle splits tensors over 2**30 bytes; FILE.tsv gets
                                     "key<TAB>shape<TAB>sum<TAB>weighted sum" fingerprints (C order,
                                     weights (i % 13) - 6), the keys in state_dict order
"""
import math
import pickle
import sys


class Layer:
    """paddle.nn.Layer's naming: sublayers and parameters by attribute name, in creation order."""

    def __init__(self):
        object.__setattr__(self, "_entries", [])

    def __setattr__(self, name, value):
        if isinstance(value, (Layer, Param)):
            self._entries.append((name, value))
        object.__setattr__(self, name, value)

    def add_sublayer(self, name, layer):
        self._entries.append((name, layer))
        return layer

    def state_dict(self, prefix=""):
        out = []
        for name, value in self._entries:
            if isinstance(value, Param):
                out.append((prefix + name, value.shape))
            else:
                out.extend(value.state_dict(prefix + name + "."))
        return out


class Param:
    def __init__(self, *shape):
        self.shape = tuple(int(d) for d in shape)


class Sequential(Layer):
    def __init__(self, *layers):
        super().__init__()
        for i, layer in enumerate(layers):
            self.add_sublayer(str(i), layer)


class Conv2D(Layer):
    def __init__(self, cin, cout, k, groups=1, bias=False):
        super().__init__()
        self.weight = Param(cout, cin // groups, k, k)
        if bias:
            self.bias = Param(cout)


class BatchNorm(Layer):
    """paddle.nn.BatchNorm: scale, offset, then the running mean and variance (parameters too)."""

    def __init__(self, c):
        super().__init__()
        self.weight = Param(c)
        self.bias = Param(c)
        self._mean = Param(c)
        self._variance = Param(c)


class Linear(Layer):
    """paddle.nn.Linear: weight [in, out]."""

    def __init__(self, cin, cout):
        super().__init__()
        self.weight = Param(cin, cout)
        self.bias = Param(cout)


def make_divisible(v, divisor=8):
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    return new_v + divisor if new_v < 0.9 * v else new_v


# ---- legendary_models/resnet.py -------------------------------------------------------------

class LegendaryConvBN(Layer):
    def __init__(self, cin, cout, k, groups=1):
        super().__init__()
        self.conv = Conv2D(cin, cout, k, groups)
        self.bn = BatchNorm(cout)


class LegendaryBottleneck(Layer):
    def __init__(self, cin, w, shortcut):
        super().__init__()
        self.conv0 = LegendaryConvBN(cin, w, 1)
        self.conv1 = LegendaryConvBN(w, w, 3)
        self.conv2 = LegendaryConvBN(w, w * 4, 1)
        if not shortcut:
            self.short = LegendaryConvBN(cin, w * 4, 1)


class LegendaryBasic(Layer):
    def __init__(self, cin, w, shortcut):
        super().__init__()
        self.conv0 = LegendaryConvBN(cin, w, 3)
        self.conv1 = LegendaryConvBN(w, w, 3)
        if not shortcut:
            self.short = LegendaryConvBN(cin, w, 1)


RESNET_DEPTHS = {18: [2, 2, 2, 2], 34: [3, 4, 6, 3], 50: [3, 4, 6, 3], 101: [3, 4, 23, 3],
                 152: [3, 8, 36, 3], 200: [3, 12, 48, 3]}


class LegendaryResNet(Layer):
    def __init__(self, depth, vd, class_num=1000):
        super().__init__()
        stem = [[3, 32, 3], [32, 32, 3], [32, 64, 3]] if vd else [[3, 64, 7]]
        self.stem = Sequential(*[LegendaryConvBN(i, o, k) for i, o, k in stem])
        bottleneck = depth >= 50
        channels = [64, 256, 512, 1024] if bottleneck else [64, 64, 128, 256]
        widths = [64, 128, 256, 512]
        mult = 4 if bottleneck else 1
        blocks = []
        for stage, n in enumerate(RESNET_DEPTHS[depth]):
            for i in range(n):
                cin = channels[stage] if i == 0 else widths[stage] * mult
                block = LegendaryBottleneck if bottleneck else LegendaryBasic
                blocks.append(block(cin, widths[stage], shortcut=i > 0))
        self.blocks = Sequential(*blocks)
        self.fc = Linear(channels[-1] * 2, class_num)


# ---- model_zoo/resnet_vc.py, release/2.0 resnet_vd.py, se_resnext.py, se_resnext_vd.py ---------

class ZooConvBN(Layer):
    """The model zoo's ConvBNLayer: _conv and _batch_norm."""

    def __init__(self, cin, cout, k, groups=1):
        super().__init__()
        self._conv = Conv2D(cin, cout, k, groups)
        self._batch_norm = BatchNorm(cout)


class ZooBottleneck(Layer):
    def __init__(self, cin, w, shortcut):
        super().__init__()
        self.conv0 = ZooConvBN(cin, w, 1)
        self.conv1 = ZooConvBN(w, w, 3)
        self.conv2 = ZooConvBN(w, w * 4, 1)
        if not shortcut:
            self.short = ZooConvBN(cin, w * 4, 1)


class ZooResNetDeepStem(Layer):
    """ResNet_vc (and release/2.0's ResNet_vd, whose tensors are the same)."""

    def __init__(self, depth, class_num=1000):
        super().__init__()
        self.conv1_1 = ZooConvBN(3, 32, 3)
        self.conv1_2 = ZooConvBN(32, 32, 3)
        self.conv1_3 = ZooConvBN(32, 64, 3)
        channels = [64, 256, 512, 1024]
        widths = [64, 128, 256, 512]
        for stage, n in enumerate(RESNET_DEPTHS[depth]):
            for i in range(n):
                cin = channels[stage] if i == 0 else widths[stage] * 4
                self.add_sublayer("bb_%d_%d" % (stage, i), ZooBottleneck(cin, widths[stage], shortcut=i > 0))
        self.out = Linear(2048, class_num)


class SELayer(Layer):
    def __init__(self, c, out, reduction):
        super().__init__()
        mid = int(c / reduction)
        self.squeeze = Linear(c, mid)
        self.excitation = Linear(mid, out)


class SEBottleneck(Layer):
    def __init__(self, cin, w, cardinality, shortcut):
        super().__init__()
        out = w * 2 if cardinality == 32 else w
        self.conv0 = ZooConvBN(cin, w, 1)
        self.conv1 = ZooConvBN(w, w, 3, groups=cardinality)
        self.conv2 = ZooConvBN(w, out, 1)
        self.scale = SELayer(out, out, 16)
        if not shortcut:
            self.short = ZooConvBN(cin, out, 1)


class SEResNeXt(Layer):
    def __init__(self, depths, cardinality, vd, class_num=1000):
        super().__init__()
        if vd:
            self.conv1_1 = ZooConvBN(3, 64, 3)
            self.conv1_2 = ZooConvBN(64, 64, 3)
            self.conv1_3 = ZooConvBN(64, 128, 3)
            channels = [128, 256, 512, 1024]
        else:
            self.conv = ZooConvBN(3, 64, 7)
            channels = [64, 256, 512, 1024]
        widths = [128, 256, 512, 1024] if cardinality == 32 else [256, 512, 1024, 2048]
        for stage, n in enumerate(depths):
            for i in range(n):
                cin = channels[stage] if i == 0 else widths[stage] * int(64 // cardinality)
                self.add_sublayer("bb_%d_%d" % (stage, i),
                                  SEBottleneck(cin, widths[stage], cardinality, shortcut=i > 0))
        self.out = Linear(2048, class_num)


# ---- model_zoo/shufflenet_v2.py -------------------------------------------------------------

class ShuffleUnit(Layer):
    def __init__(self, c):
        super().__init__()
        self._conv_pw = ZooConvBN(c // 2, c // 2, 1)
        self._conv_dw = ZooConvBN(c // 2, c // 2, 3, groups=c // 2)
        self._conv_linear = ZooConvBN(c // 2, c // 2, 1)


class ShuffleUnitDS(Layer):
    def __init__(self, cin, cout):
        super().__init__()
        self._conv_dw_1 = ZooConvBN(cin, cin, 3, groups=cin)
        self._conv_linear_1 = ZooConvBN(cin, cout // 2, 1)
        self._conv_pw_2 = ZooConvBN(cin, cout // 2, 1)
        self._conv_dw_2 = ZooConvBN(cout // 2, cout // 2, 3, groups=cout // 2)
        self._conv_linear_2 = ZooConvBN(cout // 2, cout // 2, 1)


SHUFFLE_CHANNELS = {"x0_25": [24, 24, 48, 96, 512], "x0_33": [24, 32, 64, 128, 512],
                    "x0_5": [24, 48, 96, 192, 1024], "x1_0": [24, 116, 232, 464, 1024],
                    "swish": [24, 116, 232, 464, 1024], "x1_5": [24, 176, 352, 704, 1024],
                    "x2_0": [24, 244, 488, 976, 2048]}


class ShuffleNetV2(Layer):
    def __init__(self, scale, class_num=1000):
        super().__init__()
        ch = SHUFFLE_CHANNELS[scale]
        self._conv1 = ZooConvBN(3, ch[0], 3)
        for stage, repeats in enumerate([4, 8, 4]):
            for i in range(repeats):
                name = "%d_%d" % (stage + 2, i + 1)
                unit = ShuffleUnitDS(ch[stage], ch[stage + 1]) if i == 0 else ShuffleUnit(ch[stage + 1])
                self.add_sublayer(name, unit)
        self._last_conv = ZooConvBN(ch[3], ch[4], 1)
        self._fc = Linear(ch[4], class_num)


# ---- legendary_models/mobilenet_v1.py, model_zoo/mobilenet_v2.py, legendary_models/mobilenet_v3.py

class MobileNetV1(Layer):
    def __init__(self, scale, class_num=1000):
        super().__init__()
        self.conv = LegendaryConvBN(3, int(32 * scale), 3)
        cfg = [[32, 32, 64, 32], [64, 64, 128, 64], [128, 128, 128, 128], [128, 128, 256, 128],
               [256, 256, 256, 256], [256, 256, 512, 256]] + [[512, 512, 512, 512]] * 5 + [
               [512, 512, 1024, 512], [1024, 1024, 1024, 1024]]
        blocks = []
        for cin, f1, f2, groups in cfg:
            separable = Layer()
            separable.depthwise_conv = LegendaryConvBN(int(cin * scale), int(f1 * scale), 3, int(groups * scale))
            separable.pointwise_conv = LegendaryConvBN(int(f1 * scale), int(f2 * scale), 1)
            blocks.append(separable)
        self.blocks = Sequential(*blocks)
        self.fc = Linear(int(1024 * scale), class_num)


class InvertedResidualUnit(Layer):
    def __init__(self, cin, num_in_filter, cout, t):
        super().__init__()
        exp = int(round(num_in_filter * t))
        self._expand_conv = ZooConvBN(cin, exp, 1)
        self._bottleneck_conv = ZooConvBN(exp, exp, 3, groups=exp)
        self._linear_conv = ZooConvBN(exp, cout, 1)


class InvresiBlocks(Layer):
    def __init__(self, cin, t, c, n, name):
        super().__init__()
        self._first_block = InvertedResidualUnit(cin, cin, c, t)
        for i in range(1, n):
            self.add_sublayer(name + "_" + str(i + 1), InvertedResidualUnit(c, c, c, t))


class MobileNetV2(Layer):
    def __init__(self, scale, class_num=1000):
        super().__init__()
        self.conv1 = ZooConvBN(3, int(32 * scale), 3)
        cin = int(32 * scale)
        for i, (t, c, n, s) in enumerate([(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                                          (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]):
            name = "conv" + str(i + 2)
            self.add_sublayer(name, InvresiBlocks(cin, t, int(c * scale), n, name))
            cin = int(c * scale)
        out_c = int(1280 * scale) if scale > 1.0 else 1280
        self.conv9 = ZooConvBN(cin, out_c, 1)
        self.out = Linear(out_c, class_num)


V3_CONFIG = {
    "large": [[3, 16, 16, False], [3, 64, 24, False], [3, 72, 24, False], [5, 72, 40, True],
              [5, 120, 40, True], [5, 120, 40, True], [3, 240, 80, False], [3, 200, 80, False],
              [3, 184, 80, False], [3, 184, 80, False], [3, 480, 112, True], [3, 672, 112, True],
              [5, 672, 160, True], [5, 960, 160, True], [5, 960, 160, True]],
    "small": [[3, 16, 16, True], [3, 72, 24, False], [3, 88, 24, False], [5, 96, 40, True],
              [5, 240, 40, True], [5, 240, 40, True], [5, 120, 48, True], [5, 144, 48, True],
              [5, 288, 96, True], [5, 576, 96, True], [5, 576, 96, True]],
}


class SEModule(Layer):
    def __init__(self, c):
        super().__init__()
        self.conv1 = Conv2D(c, c // 4, 1, bias=True)
        self.conv2 = Conv2D(c // 4, c, 1, bias=True)


class ResidualUnit(Layer):
    def __init__(self, cin, mid, cout, k, se):
        super().__init__()
        self.expand_conv = LegendaryConvBN(cin, mid, 1)
        self.bottleneck_conv = LegendaryConvBN(mid, mid, k, groups=mid)
        if se:
            self.mid_se = SEModule(mid)
        self.linear_conv = LegendaryConvBN(mid, cout, 1)


class MobileNetV3(Layer):
    def __init__(self, size, scale, class_num=1000):
        super().__init__()
        cfg = V3_CONFIG[size]
        squeeze = 960 if size == "large" else 576
        self.conv = LegendaryConvBN(3, make_divisible(16 * scale), 3)
        self.blocks = Sequential(*[
            ResidualUnit(make_divisible(16 * scale if i == 0 else cfg[i - 1][2] * scale),
                         make_divisible(scale * exp), make_divisible(scale * c), k, se)
            for i, (k, exp, c, se) in enumerate(cfg)])
        self.last_second_conv = LegendaryConvBN(make_divisible(cfg[-1][2] * scale), make_divisible(scale * squeeze), 1)
        self.last_conv = Conv2D(make_divisible(scale * squeeze), 1280, 1)
        self.fc = Linear(1280, class_num)


# ---- model_zoo/ghostnet.py ------------------------------------------------------------------

class GhostModule(Layer):
    def __init__(self, cin, cout):
        super().__init__()
        init = int(math.ceil(cout / 2))
        self.primary_conv = ZooConvBN(cin, init, 1)
        self.cheap_operation = ZooConvBN(init, init, 3, groups=init)


class SEBlock(Layer):
    def __init__(self, c):
        super().__init__()
        self.squeeze = Linear(c, c // 4)
        self.excitation = Linear(c // 4, c)


class GhostBottleneck(Layer):
    def __init__(self, cin, hidden, cout, k, stride, use_se):
        super().__init__()
        self.ghost_module_1 = GhostModule(cin, hidden)
        if stride == 2:
            self.depthwise_conv = ZooConvBN(hidden, hidden, k, groups=hidden)
        if use_se:
            self.se_block = SEBlock(hidden)
        self.ghost_module_2 = GhostModule(hidden, cout)
        if stride != 1 or cin != cout:
            self.shortcut_depthwise = ZooConvBN(cin, cin, k, groups=cin)
            self.shortcut_conv = ZooConvBN(cin, cout, 1)


class GhostNet(Layer):
    CFGS = [[3, 16, 16, 0, 1], [3, 48, 24, 0, 2], [3, 72, 24, 0, 1], [5, 72, 40, 1, 2], [5, 120, 40, 1, 1],
            [3, 240, 80, 0, 2], [3, 200, 80, 0, 1], [3, 184, 80, 0, 1], [3, 184, 80, 0, 1],
            [3, 480, 112, 1, 1], [3, 672, 112, 1, 1], [5, 672, 160, 1, 2], [5, 960, 160, 0, 1],
            [5, 960, 160, 1, 1], [5, 960, 160, 0, 1], [5, 960, 160, 1, 1]]

    def __init__(self, scale, class_num=1000):
        super().__init__()
        out = int(make_divisible(16 * scale, 4))
        self.conv1 = ZooConvBN(3, out, 3)
        for idx, (k, exp, c, se, s) in enumerate(self.CFGS):
            cin, out = out, int(make_divisible(c * scale, 4))
            hidden = int(make_divisible(exp * scale, 4))
            self.add_sublayer("_ghostbottleneck_" + str(idx), GhostBottleneck(cin, hidden, out, k, s, se))
        last = int(make_divisible(self.CFGS[-1][1] * scale, 4))
        self.conv_last = ZooConvBN(out, last, 1)
        self.fc_0 = ZooConvBN(last, 1280, 1)
        self.fc_1 = Linear(1280, class_num)


# ---- model_zoo/alexnet.py, squeezenet.py, darknet.py --------------------------------------------

class ConvPoolLayer(Layer):
    def __init__(self, cin, cout, k):
        super().__init__()
        self._conv = Conv2D(cin, cout, k, bias=True)


class AlexNetDY(Layer):
    def __init__(self, class_num=1000):
        super().__init__()
        self._conv1 = ConvPoolLayer(3, 64, 11)
        self._conv2 = ConvPoolLayer(64, 192, 5)
        self._conv3 = Conv2D(192, 384, 3, bias=True)
        self._conv4 = Conv2D(384, 256, 3, bias=True)
        self._conv5 = ConvPoolLayer(256, 256, 3)
        self._fc6 = Linear(256 * 6 * 6, 4096)
        self._fc7 = Linear(4096, 4096)
        self._fc8 = Linear(4096, class_num)


class MakeFire(Layer):
    def __init__(self, cin, squeeze, e1, e3):
        super().__init__()
        self._conv = ConvPoolLayer(cin, squeeze, 1)
        self._conv_path1 = ConvPoolLayer(squeeze, e1, 1)
        self._conv_path2 = ConvPoolLayer(squeeze, e3, 3)


class SqueezeNet(Layer):
    FIRES = [(16, 64, 64), (16, 64, 64), (32, 128, 128), (32, 128, 128), (48, 192, 192), (48, 192, 192),
             (64, 256, 256), (64, 256, 256)]

    def __init__(self, version, class_num=1000):
        super().__init__()
        width, k = (96, 7) if version == "1_0" else (64, 3)
        self._conv = Conv2D(3, width, k, bias=True)
        cin = width
        for i, (s, e1, e3) in enumerate(self.FIRES):
            self.add_sublayer("_conv" + str(i + 1), MakeFire(cin, s, e1, e3))
            cin = e1 + e3
        self._conv9 = Conv2D(512, class_num, 1, bias=True)


class DarkConvBN(Layer):
    def __init__(self, cin, cout, k):
        super().__init__()
        self._conv = Conv2D(cin, cout, k)
        self._bn = BatchNorm(cout)


class DarkBasicBlock(Layer):
    def __init__(self, cin, c):
        super().__init__()
        self._conv1 = DarkConvBN(cin, c, 1)
        self._conv2 = DarkConvBN(c, c * 2, 3)


class DarkNet(Layer):
    def __init__(self, class_num=1000):
        super().__init__()
        self._conv1 = DarkConvBN(3, 32, 3)
        self._conv2 = DarkConvBN(32, 64, 3)
        c = 64
        for stage, n in enumerate([1, 2, 8, 8, 4]):
            for j in range(n):
                self.add_sublayer("_basic_block_%d%d" % (stage, j + 1), DarkBasicBlock(c, c // 2))
            if stage < 4:
                self.add_sublayer("_downsample_%d" % stage, DarkConvBN(c, c * 2, 3))
                c *= 2
        self._out = Linear(1024, class_num)


def build(arch):
    """The PaddleClas model of a jclas zoo architecture name."""
    if arch.startswith("ResNet"):
        depth = int(arch[len("ResNet"):].split("_")[0])
        if arch.endswith("_vc") or arch.endswith("_vd_zoo"):
            return ZooResNetDeepStem(depth)
        return LegendaryResNet(depth, vd=arch.endswith("_vd"))
    se = {"SE_ResNeXt50_32x4d": ([3, 4, 6, 3], 32, False), "SE_ResNeXt50_vd_32x4d": ([3, 4, 6, 3], 32, True),
          "SENet154_vd": ([3, 8, 36, 3], 64, True)}
    if arch in se:
        return SEResNeXt(*se[arch])
    if arch.startswith("ShuffleNetV2_"):
        return ShuffleNetV2(arch[len("ShuffleNetV2_"):])
    if arch.startswith("MobileNetV1"):
        return MobileNetV1(scale_of(arch))
    if arch.startswith("MobileNetV2"):
        return MobileNetV2(scale_of(arch))
    if arch.startswith("MobileNetV3_"):
        return MobileNetV3(arch.split("_")[1], scale_of(arch))
    if arch.startswith("GhostNet_"):
        return GhostNet(scale_of(arch))
    if arch == "AlexNet":
        return AlexNetDY()
    if arch.startswith("SqueezeNet"):
        return SqueezeNet(arch[len("SqueezeNet"):])
    if arch == "DarkNet53":
        return DarkNet()
    raise SystemExit("no PaddleClas model for " + arch)


def scale_of(arch):
    """x0_25 -> 0.25; no suffix -> 1.0."""
    tail = arch.rsplit("_x", 1)
    return float(tail[1].replace("_", ".")) if len(tail) == 2 else 1.0


def plausible(key, shape, rng):
    """Distinct random values a trained network could hold, so that a forward pass stays finite: weights
    uniform with variance 2 / fan_in, BatchNorm scales near 1, variances in [0.5, 1.5), the rest near 0."""
    import numpy as np

    u = rng.random(shape, dtype=np.float32)
    if key.endswith("._variance"):
        return u + np.float32(0.5)
    if len(shape) == 1:
        near_one = key.endswith(".weight")  # a BatchNorm scale; conv and Linear biases are ".bias"
        return (u - np.float32(0.5)) * np.float32(0.2) + np.float32(1.0 if near_one else 0.0)
    fan_in = shape[0] if len(shape) == 2 else int(np.prod(shape[1:]))  # Linear [in, out]; conv [out, in, k, k]
    return (u - np.float32(0.5)) * np.float32(2 * math.sqrt(6.0 / fan_in))


def paddle_save_dict(state, protocol, split_largest):
    """What paddle.save pickles: the arrays, the name table, and for protocol 2/3 the big tensors split."""
    saved = dict(state)
    saved["StructuredToParameterName@@"] = {k: "param_%d.w_0" % i for i, k in enumerate(state)}
    if split_largest and protocol < 4:
        key = max(state, key=lambda k: state[k].size)
        # Paddle splits at (2**30 - 1) // itemsize elements; the test file splits its largest tensor in three
        chunk = math.ceil(state[key].size / 3)
        flat = saved.pop(key).flatten()
        parts = [key + "@@." + str(i) for i in range(math.ceil(flat.size / chunk))]
        for i, part in enumerate(parts):
            saved[part] = flat[i * chunk:(i + 1) * chunk]
        saved["UnpackBigParamInfor@@"] = {key: {"OriginShape": state[key].shape, "slices": parts}}
    return saved


def main(argv):
    if argv[0] == "manifest":
        for arch in argv[1:]:
            for key, shape in build(arch).state_dict():
                print("%s\t%s\t%s" % (arch, key, ",".join(map(str, shape))))
        return
    import numpy as np  # only writing needs numpy

    arch, path, protocol, split = argv[1], argv[2], int(argv[3]), argv[4] == "1"
    rng = np.random.default_rng(16)
    state = {key: plausible(key, shape, rng) for key, shape in build(arch).state_dict()}
    with open(path, "wb") as f:
        pickle.dump(paddle_save_dict(state, protocol, split), f, protocol=protocol)
    weights = None
    with open(path + ".tsv", "w") as f:
        for key, value in state.items():
            flat = value.astype(np.float64).ravel()
            if weights is None or weights.size < flat.size:
                weights = (np.arange(max(flat.size, 1)) % 13 - 6).astype(np.float64)
            f.write("%s\t%s\t%.10g\t%.10g\n" % (key, ",".join(map(str, value.shape)), flat.sum(),
                                                 flat @ weights[:flat.size]))


if __name__ == "__main__":
    main(sys.argv[1:])
