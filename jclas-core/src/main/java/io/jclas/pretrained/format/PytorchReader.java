package io.jclas.pretrained.format;

import io.jclas.pretrained.StoredTensor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PyTorch's two {@code torch.save} layouts of a state dict ({@code torch/serialization.py}). In both,
 * the pickle's tensors are {@code _rebuild_tensor_v2} views of storages named by persistent ids;
 * the layouts differ in where the storage bytes are.
 */
final class PytorchReader {
    /** The first pickle of a legacy file. */
    static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long LEGACY_PROTOCOL = 1001;
    /** Torch's step counter of BatchNorm: training state, not a parameter. */
    private static final String BATCHES_TRACKED = "num_batches_tracked";

    private PytorchReader() {}

    /** The zip layout: {@code <name>/data.pkl} and one entry {@code <name>/data/<key>} per storage. */
    static Map<String, StoredTensor> readZip(ZipFile zip, String source) throws IOException {
        ZipEntry pkl = zip.stream().filter(e -> e.getName().equals("data.pkl") || e.getName().endsWith("/data.pkl"))
                .findFirst().orElseThrow(() -> new MalformedWeights("a zip without data.pkl, not a torch.save file"));
        String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
        SafeUnpickler unpickler = new SafeUnpickler(source, id -> {
            TorchStorage s = storage(id);
            ZipEntry entry = zip.getEntry(prefix + "data/" + s.key);
            if (entry == null) {
                throw new MalformedWeights("storage " + s.key + " is missing from the zip");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                s.fill(in.readAllBytes());
            } catch (IOException e) {
                throw new MalformedWeights("storage " + s.key + " cannot be read: " + e.getMessage());
            }
            return s;
        });
        try (InputStream in = zip.getInputStream(pkl)) {
            return tensors(unpickler.load(in));
        }
    }

    /**
     * The legacy layout, after its magic number: the protocol version, the system info, the pickle
     * of the state dict, the list of storage keys, then per key its element count (int64, little
     * endian) and its bytes.
     */
    static Map<String, StoredTensor> readLegacy(InputStream in, String source) throws IOException {
        if (!(new SafeUnpickler(source, null).load(in) instanceof Number v) || v.longValue() != LEGACY_PROTOCOL) {
            throw new MalformedWeights("a legacy torch file of an unknown protocol version");
        }
        new SafeUnpickler(source, null).load(in); // system info: little endian, the type sizes of every platform
        Map<String, TorchStorage> storages = new HashMap<>();
        Object dict = new SafeUnpickler(source, id -> storages.computeIfAbsent(String.valueOf(id[2]), k -> storage(id)))
                .load(in);
        if (!(new SafeUnpickler(source, null).load(in) instanceof List<?> keys)) {
            throw new MalformedWeights("a legacy torch file without its storage list");
        }
        for (Object key : keys) {
            TorchStorage s = storages.get(String.valueOf(key));
            if (s == null) {
                throw new MalformedWeights("storage " + key + " is listed but no tensor uses it");
            }
            long numel = ByteBuffer.wrap(in.readNBytes(Long.BYTES)).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (numel != s.numel) {
                throw new MalformedWeights("storage " + key + " holds " + numel + " elements, not " + s.numel);
            }
            s.fill(in.readNBytes((int) (numel * s.type.size)));
        }
        return tensors(dict);
    }

    /** A storage from its persistent id {@code ('storage', FloatStorage, key, location, numel[, view])}. */
    private static TorchStorage storage(Object[] id) {
        if (id.length < 5 || !"storage".equals(id[0]) || !(id[1] instanceof PickleGlobals.TorchStorageType type)) {
            throw new MalformedWeights("a persistent id that is not a torch storage");
        }
        if (id.length > 5 && id[5] != null) {
            throw new MalformedWeights("a storage view (torch before 1.0), which jclas does not read");
        }
        return new TorchStorage(type.type(), String.valueOf(id[2]), Pickles.asLong(id[4], "storage size"));
    }

    /**
     * The tensors of a state dict, or of the state dict a training checkpoint keeps under {@code
     * state_dict} or {@code model}; BatchNorm's step counters are left out.
     */
    private static Map<String, StoredTensor> tensors(Object pickled) {
        Map<?, ?> dict = stateDict(pickled);
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        List<String> notTensors = new ArrayList<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.endsWith(BATCHES_TRACKED)) {
                continue;
            }
            if (e.getValue() instanceof TorchTensor t) {
                out.put(key, t.resolve());
            } else {
                notTensors.add(key);
            }
        }
        if (!notTensors.isEmpty()) {
            throw new MalformedWeights("entries that are not tensors: " + String.join(", ", notTensors.subList(0,
                    Math.min(3, notTensors.size()))) + " (a whole checkpoint rather than a state dict?)");
        }
        return out;
    }

    private static Map<?, ?> stateDict(Object pickled) {
        if (!(pickled instanceof Map<?, ?> dict)) {
            throw new MalformedWeights("the pickle holds " + Pickles.describe(pickled) + ", not a state dict");
        }
        for (String wrapper : new String[] {"state_dict", "model"}) {
            if (dict.get(wrapper) instanceof Map<?, ?> inner && !dict.values().stream().anyMatch(TorchTensor.class::isInstance)) {
                return inner;
            }
        }
        return dict;
    }
}
