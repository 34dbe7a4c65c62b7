package io.jclas.pretrained.format;

import java.nio.ByteOrder;

/**
 * A {@code numpy.dtype} as a pickle rebuilds it: {@code dtype('f4', False, True)}, then BUILD with
 * the state tuple {@code (3, '<', ...)} whose second item is the byte order ({@code '|'} for
 * single bytes).
 */
final class NumpyDtype implements Buildable {
    private final String code;
    private final ElementType type;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    NumpyDtype(String code) {
        // the code may carry its order ('<f4'), and the BUILD state may repeat it
        String bare = code.isEmpty() ? code : code.substring(byteOrderPrefix(code.charAt(0)) ? 1 : 0);
        if (!bare.equals(code)) {
            order = orderOf(code.charAt(0));
        }
        this.code = code;
        this.type = ElementType.ofNumpy(bare);
    }

    @Override
    public void build(Object state) {
        if (state instanceof Object[] t && t.length > 1 && t[1] instanceof String s && s.length() == 1) {
            order = orderOf(s.charAt(0));
        }
    }

    /** The element type, or null for one jclas does not read (strings, objects, complex). */
    ElementType type() {
        return type;
    }

    ByteOrder order() {
        return order;
    }

    String code() {
        return code;
    }

    private static boolean byteOrderPrefix(char c) {
        return c == '<' || c == '>' || c == '|' || c == '=';
    }

    private ByteOrder orderOf(char c) {
        return c == '>' ? ByteOrder.BIG_ENDIAN : c == '<' ? ByteOrder.LITTLE_ENDIAN : order;
    }
}
