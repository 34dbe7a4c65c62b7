package io.jclas.pretrained;

import io.jclas.JclasException;
import io.jclas.pretrained.keymap.TorchvisionKeyMaps;
import io.jclas.pretrained.paddle.PaddleKeyMaps;
import io.jclas.zoo.Models;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The one lookup of a key map: by zoo name (aliases such as {@code ResNet50_vd_ssld} resolve to
 * their architecture) and the naming scheme of the file. Each scheme has one provider, a function
 * from architecture and the file's keys to its map (PaddleClas's ResNet_vd has two namings, picked
 * by the keys), null where the scheme has no such model.
 */
public final class KeyMaps {
    private static final Map<NamingScheme, BiFunction<String, Set<String>, KeyMap>> PROVIDERS = Map.of(
            NamingScheme.TORCHVISION, (architecture, keys) -> TorchvisionKeyMaps.forArchitecture(architecture),
            NamingScheme.PADDLECLAS, PaddleKeyMaps::forFile);

    private KeyMaps() {}

    /**
     * The map of {@code name}'s architecture for a file of {@code scheme} with these keys; fails in one
     * line where there is none.
     */
    public static KeyMap forFile(String name, NamingScheme scheme, Set<String> fileKeys) {
        String architecture = Models.info(name).architecture();
        KeyMap map = PROVIDERS.get(scheme).apply(architecture, fileKeys);
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
