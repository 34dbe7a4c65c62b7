package io.jclas.pretrained;

import io.jclas.JclasException;
import io.jclas.pretrained.keymap.TorchvisionKeyMaps;
import io.jclas.zoo.Models;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one lookup of a key map: by zoo name (aliases such as {@code ResNet50_vd_ssld} resolve to
 * their architecture) and the naming scheme of the file. Each scheme has one provider, a function
 * from architecture to its map, null where the scheme has no such model. The PaddleClas provider
 * has no maps yet: the PaddleClas key maps register theirs here.
 */
public final class KeyMaps {
    private static final Map<NamingScheme, Function<String, KeyMap>> PROVIDERS = Map.of(
            NamingScheme.TORCHVISION, TorchvisionKeyMaps::forArchitecture,
            NamingScheme.PADDLECLAS, architecture -> null);

    private KeyMaps() {}

    /** The map of {@code name}'s architecture for files of {@code scheme}; fails in one line where there is none. */
    public static KeyMap forArchitecture(String name, NamingScheme scheme) {
        String architecture = Models.info(name).architecture();
        KeyMap map = PROVIDERS.get(scheme).apply(architecture);
        if (map == null) {
            String hint = scheme == NamingScheme.TORCHVISION
                    ? "torchvision weights import into " + String.join(", ",
                            new TreeSet<>(TorchvisionKeyMaps.torchvisionNames().keySet()))
                    : "import a file of another naming scheme, or train " + architecture + " from scratch";
            throw new JclasException("no " + scheme.name().toLowerCase(Locale.ROOT) + " key map for " + name
                    + (name.equals(architecture) ? "" : " (" + architecture + ")"), hint);
        }
        return map;
    }
}
