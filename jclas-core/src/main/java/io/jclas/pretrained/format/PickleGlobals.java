package io.jclas.pretrained.format;

import io.jclas.JclasException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;

/**
 * The allow-list: the only Python globals a weight file may name, each with jclas's own Java
 * stand-in. Weight files need numpy arrays and dtypes, torch's tensor rebuild and storage classes,
 * {@code OrderedDict} and {@code _codecs.encode} (protocol 2's bytes); nothing else is resolved,
 * and nothing a file names is ever run. Anything else (a pickled {@code os.system}, a model class)
 * fails naming the global, as {@code torch.load(weights_only=True)} does.
 */
final class PickleGlobals {
    /** The type argument of numpy's {@code _reconstruct}; never called itself. */
    record NumpyArrayType() {}

    /** A torch storage class ({@code torch.FloatStorage}) in a persistent id; never called itself. */
    record TorchStorageType(ElementType type) {}

    private static final IObjectConstructor RECONSTRUCT = args -> new NumpyArray();
    private static final IObjectConstructor DTYPE = args -> new NumpyDtype(String.valueOf(args[0]));
    private static final Map<String, Object> ALLOWED = Map.of(
            "collections.OrderedDict", (IObjectConstructor) args -> new PickledDict(),
            "numpy.core.multiarray._reconstruct", RECONSTRUCT,
            "numpy._core.multiarray._reconstruct", RECONSTRUCT,
            "numpy.ndarray", new NumpyArrayType(),
            "numpy.dtype", DTYPE,
            "_codecs.encode", (IObjectConstructor) PickleGlobals::encode,
            "torch._utils._rebuild_tensor_v2", (IObjectConstructor) PickleGlobals::rebuildTensor,
            "torch._utils._rebuild_parameter", (IObjectConstructor) args -> args[0]);

    private PickleGlobals() {}

    /** The stand-in for {@code module.name}; a global off the list fails naming it and the file. */
    static Object resolve(String module, String name, String source) {
        String global = module + "." + name;
        Object allowed = ALLOWED.get(global);
        if (allowed != null) {
            return allowed;
        }
        ElementType storage = module.equals("torch") ? ElementType.ofTorchStorage(name) : null;
        if (storage != null) {
            return new TorchStorageType(storage);
        }
        throw new JclasException(source + " refers to the Python global " + global
                        + ", which a weight file has no use for; jclas loads only arrays, tensors and dicts and runs nothing",
                "save only the weights: torch.save(model.state_dict(), f) or paddle.save(model.state_dict(), f)");
    }

    /** {@code _codecs.encode(text, 'latin1')}: how protocol 2 stores Python 3 bytes. */
    private static Object encode(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof String text)) {
            throw new MalformedWeights("_codecs.encode without a string");
        }
        String encoding = args.length > 1 ? String.valueOf(args[1]) : "utf-8";
        return text.getBytes(encoding.equalsIgnoreCase("latin1") || encoding.equalsIgnoreCase("latin-1")
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks)}. */
    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof TorchStorage storage)) {
            throw new MalformedWeights("_rebuild_tensor_v2 without a storage");
        }
        long[] size = Pickles.longs(args[2], "tensor size");
        long[] stride = Pickles.longs(args[3], "tensor stride");
        if (size.length != stride.length) {
            throw new MalformedWeights("a tensor with " + size.length + " sizes but " + stride.length + " strides");
        }
        return new TorchTensor(storage, Pickles.asLong(args[1], "storage offset"), size, stride);
    }
}
