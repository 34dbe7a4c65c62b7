package io.jclas.pretrained.format;

import java.util.LinkedHashMap;

/**
 * A {@code collections.OrderedDict}: its items in order. The attributes a pickle sets on it (a torch
 * state dict's {@code _metadata}: module versions) do not describe any array, so BUILD drops them.
 */
final class PickledDict extends LinkedHashMap<Object, Object> implements Buildable {
    @Override
    public void build(Object state) {
        // attributes only: nothing to keep
    }
}
