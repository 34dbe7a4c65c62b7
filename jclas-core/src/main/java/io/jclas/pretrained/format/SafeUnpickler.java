package io.jclas.pretrained.format;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Razorvine's unpickler with every way a pickle names code routed through {@link PickleGlobals}:
 * GLOBAL and STACK_GLOBAL resolve only allow-listed names, INST and OBJ (protocol 0/1 instance
 * creation) and the extension registry are refused, and BUILD completes only jclas's own
 * {@link Buildable} stand-ins (razorvine would call any {@code __setstate__} by reflection). Dicts
 * keep their file order. Persistent ids (torch's storages) go to the given resolver.
 */
final class SafeUnpickler extends Unpickler {
    private final String source;
    private final Function<Object[], Object> persistentIds;

    /**
     * @param source the file, for error messages
     * @param persistentIds resolves a persistent id tuple; null where the format has none
     */
    SafeUnpickler(String source, Function<Object[], Object> persistentIds) {
        this.source = source;
        this.persistentIds = persistentIds;
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(PickleGlobals.resolve(module, name, source));
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                stack.add(PickleGlobals.resolve(String.valueOf(module), String.valueOf(name), source));
            }
            case Opcodes.INST, Opcodes.OBJ, Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 ->
                throw new MalformedWeights("pickle opcode " + (char) key + " (" + key + ") creates objects of "
                        + "arbitrary classes; a weight file never needs it");
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                if (!(stack.peek() instanceof Buildable target)) {
                    throw new MalformedWeights("BUILD on " + Pickles.describe(stack.peek()));
                }
                target.build(state);
            }
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.SETITEMS -> setItems();
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    /** SETITEMS in the file's order (razorvine's goes through a HashMap). */
    private void setItems() {
        List<Object> items = stack.pop_all_since_marker();
        if (!(stack.peek() instanceof Map<?, ?> target) || items.size() % 2 != 0) {
            throw new MalformedWeights("SETITEMS without a dict or with an odd item count");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> dict = (Map<Object, Object>) target;
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(items.get(i), items.get(i + 1));
        }
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (persistentIds == null || !(pid instanceof Object[] id)) {
            throw new MalformedWeights("a persistent id in a plain pickle");
        }
        return persistentIds.apply(id);
    }
}
