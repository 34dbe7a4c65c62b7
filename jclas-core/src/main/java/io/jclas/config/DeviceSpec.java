package io.jclas.config;

import io.jclas.JclasException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A device string, parsed the same way wherever jclas takes one ({@code Global.device}, {@code --device},
 * {@code ClassifierOptions.device}): {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N}, or a list
 * {@code gpu:N,M}. A jclas process runs on one device, so {@link #single} refuses a list with a message
 * instead of using part of it.
 *
 * @param gpus the GPU indices named; empty for {@code cpu}, {@code [0]} for a bare {@code gpu}
 */
public record DeviceSpec(String text, List<Integer> gpus) {
    private static final String FORMS = "cpu, gpu, gpu:N or a list gpu:N,M";

    public static final DeviceSpec CPU = new DeviceSpec("cpu", List.of());

    /** Parses a device string (case and surrounding spaces ignored); null means cpu. */
    public static DeviceSpec parse(String device) {
        if (device == null) {
            return CPU;
        }
        String d = device.strip().toLowerCase(Locale.ROOT);
        if (d.equals("cpu")) {
            return CPU;
        }
        if (d.equals("gpu")) {
            return new DeviceSpec(d, List.of(0));
        }
        if (!d.startsWith("gpu:") || d.length() == 4) {
            throw invalid(device);
        }
        List<Integer> ids = new ArrayList<>();
        for (String part : d.substring(4).split(",", -1)) {
            String id = part.strip();
            if (id.isEmpty() || id.length() > 4 || !id.chars().allMatch(Character::isDigit)) {
                throw invalid(device);
            }
            int n = Integer.parseInt(id);
            if (ids.contains(n)) {
                throw new JclasException("device '" + device + "' names gpu " + n + " twice", "name each GPU once");
            }
            ids.add(n);
        }
        return new DeviceSpec(d, List.copyOf(ids));
    }

    private static JclasException invalid(String device) {
        return new JclasException("device '" + device + "' is not " + FORMS,
                "write e.g. cpu, gpu or gpu:0 (Global.device in the config, --device on the command line)");
    }

    /** The one device of {@code device}; a list of GPUs fails, naming {@code where} it came from. */
    public static DeviceSpec single(String device, String where) {
        DeviceSpec spec = parse(device);
        if (spec.gpus.size() > 1) {
            throw new JclasException(where + " is " + device + ": " + spec.gpus.size()
                    + " GPUs, but a jclas process trains or predicts on one device",
                    "pick one, e.g. gpu:" + spec.gpus.get(0) + " (run one process per GPU)");
        }
        return spec;
    }

    public boolean isGpu() {
        return !gpus.isEmpty();
    }

    /** The GPU index of a single-device spec (0 for a bare {@code gpu}). */
    public int gpu() {
        if (!isGpu()) {
            throw new IllegalStateException("not a GPU device: " + text);
        }
        return gpus.get(0);
    }

    @Override
    public String toString() {
        return text;
    }
}
