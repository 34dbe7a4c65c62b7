package io.jclas.pretrained;

import io.jclas.JclasException;
import io.jclas.zoo.Models;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each zoo name's published ImageNet weights live ({@code published-weights.csv}): PaddleClas's
 * {@code .pdparams} for every name (from the {@code MODEL_URLS} tables of PaddleClas's backbone
 * files; the {@code _ssld} names with PaddleClas's {@code use_ssld} file name, the {@code _v2} and
 * {@code Fix_} names from release/2.0's model list) and torchvision's {@code .pth} where a torchvision
 * key map exists (SqueezeNet and AlexNet take it built as {@code Arch.variant: torchvision}).
 */
public final class PublishedWeights {
    private static final Map<String, Entry> ENTRIES = read();

    /**
     * One zoo name's weights.
     *
     * @param source where PaddleClas publishes the URL
     * @param torchvision torchvision 0.14's IMAGENET1K_V1 file of the architecture, or null
     */
    public record Entry(String name, URI paddleclas, String source, URI torchvision) {
        public Optional<URI> torchvisionUrl() {
            return Optional.ofNullable(torchvision);
        }
    }

    private PublishedWeights() {}

    /** The weights of a zoo name; unknown names fail as {@link Models#info} does. */
    public static Entry of(String name) {
        Models.info(name);
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new JclasException("PaddleClas publishes no weights for " + name,
                    "point Global.pretrained_model at a weight file of your own");
        }
        return e;
    }

    /** Every entry, in zoo order. */
    public static List<Entry> all() {
        return List.copyOf(ENTRIES.values());
    }

    private static Map<String, Entry> read() {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (InputStream in = PublishedWeights.class.getResourceAsStream("published-weights.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("name,")).forEach(line -> {
                String[] f = line.split(",", -1);
                out.put(f[0], new Entry(f[0], URI.create(f[1]), f[2], f[3].isEmpty() ? null : URI.create(f[3])));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("jclas is missing its resource published-weights.csv", e);
        }
        return out;
    }
}
