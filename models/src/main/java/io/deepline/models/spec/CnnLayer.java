package io.deepline.models.spec;

/**
 * One entry of a {@link CnnArchitecture}. Convolutions and pooling use "same" padding, so a layer's output has
 * ⌈input / stride⌉ rows and columns: the spatial size shrinks only where a stride says so, and small images
 * (8×8 digits) fit the same architecture as large ones.
 */
public sealed interface CnnLayer {

    /** {@code filters} learned {@code kernel × kernel} filters moved {@code stride} pixels at a time. */
    record Conv(int filters, int kernel, int stride) implements CnnLayer {
        public Conv {
            CnnArchitecture.requirePositive("conv filters", filters);
            CnnArchitecture.requirePositive("conv kernel", kernel);
            CnnArchitecture.requirePositive("conv stride", stride);
        }

        @Override
        public String toString() {
            return "conv(" + filters + "," + kernel + "," + stride + ")";
        }
    }

    /** Max pooling over {@code size × size} windows moved {@code stride} pixels at a time. */
    record Pool(int size, int stride) implements CnnLayer {
        public Pool {
            CnnArchitecture.requirePositive("pool size", size);
            CnnArchitecture.requirePositive("pool stride", stride);
        }

        @Override
        public String toString() {
            return "pool(" + size + "," + stride + ")";
        }
    }

    /** A fully connected layer of {@code units}, on the flattened feature maps or the previous dense layer. */
    record Dense(int units) implements CnnLayer {
        public Dense {
            CnnArchitecture.requirePositive("dense units", units);
        }

        @Override
        public String toString() {
            return "dense(" + units + ")";
        }
    }
}
