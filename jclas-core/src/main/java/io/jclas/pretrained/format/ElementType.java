package io.jclas.pretrained.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A stored array's element type, from a NumPy dtype ({@code '<f4'}) or a torch storage class
 * ({@code FloatStorage}): its size in bytes, its byte order, and how to widen one element to the
 * float32 that jclas parameters are. Weight files keep parameters as float16/32/64 and BatchNorm's
 * step counter as int64; every kind converts.
 */
enum ElementType {
    FLOAT16(2), BFLOAT16(2), FLOAT32(4), FLOAT64(8), INT8(1), UINT8(1), INT16(2), INT32(4), INT64(8), BOOL(1);

    final int size;

    ElementType(int size) {
        this.size = size;
    }

    /** The type of a NumPy type string without its byte order ({@code f4}, {@code i8}, {@code b1}); null if unknown. */
    static ElementType ofNumpy(String code) {
        return switch (code) {
            case "f2", "e" -> FLOAT16;
            case "f4", "f" -> FLOAT32;
            case "f8", "d" -> FLOAT64;
            case "i1", "b" -> INT8;
            case "u1", "B" -> UINT8;
            case "i2", "h" -> INT16;
            case "i4", "i" -> INT32;
            case "i8", "l", "q" -> INT64;
            case "b1", "?" -> BOOL;
            default -> null;
        };
    }

    /** The type of a torch storage class ({@code FloatStorage}); null if unknown. */
    static ElementType ofTorchStorage(String className) {
        return switch (className) {
            case "HalfStorage" -> FLOAT16;
            case "BFloat16Storage" -> BFLOAT16;
            case "FloatStorage" -> FLOAT32;
            case "DoubleStorage" -> FLOAT64;
            case "CharStorage" -> INT8;
            case "ByteStorage" -> UINT8;
            case "ShortStorage" -> INT16;
            case "IntStorage" -> INT32;
            case "LongStorage" -> INT64;
            case "BoolStorage" -> BOOL;
            default -> null;
        };
    }

    /** {@code count} elements of this type from {@code raw}, widened to float32. */
    float[] decode(byte[] raw, ByteOrder order, int count) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (this) {
                case FLOAT16 -> halfToFloat(b.getShort());
                case BFLOAT16 -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
                case FLOAT32 -> b.getFloat();
                case FLOAT64 -> (float) b.getDouble();
                case INT8, BOOL -> b.get();
                case UINT8 -> b.get() & 0xff;
                case INT16 -> b.getShort();
                case INT32 -> b.getInt();
                case INT64 -> b.getLong();
            };
        }
        return out;
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa x 2^-24
            float v = mantissa * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
