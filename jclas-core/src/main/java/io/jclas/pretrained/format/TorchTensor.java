package io.jclas.pretrained.format;

import io.jclas.pretrained.StoredTensor;

/**
 * A tensor of {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)}: a view
 * of a storage, resolved once every storage has its bytes.
 */
record TorchTensor(TorchStorage storage, long offset, long[] size, long[] stride) {

    StoredTensor resolve() {
        return Strided.gather(storage.values(), offset, size, stride);
    }
}
