package io.deepline.models.spec;

import java.util.Arrays;

/**
 * The shape of images stored as flat feature vectors: {@code channels × height × width} values in channel-major
 * order (all of channel 0 row by row, then channel 1, ...), the order DL4J's
 * {@code InputType.convolutionalFlat} reshapes them in. A grey 28×28 digit is {@code [1, 28, 28]}.
 */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("imageShape must be [channels, height, width], each > 0, but it is ["
                    + channels + ", " + height + ", " + width + "]; e.g. [1, 28, 28] for grey 28×28 images");
        }
    }

    /** Parses {@code [channels, height, width]} as written in a Param or job file. */
    public static ImageShape of(int[] channelsHeightWidth) {
        if (channelsHeightWidth == null || channelsHeightWidth.length != 3) {
            throw new IllegalArgumentException("imageShape must have 3 values [channels, height, width], but it is "
                    + Arrays.toString(channelsHeightWidth) + "; e.g. [1, 28, 28] for grey 28×28 images");
        }
        return new ImageShape(channelsHeightWidth[0], channelsHeightWidth[1], channelsHeightWidth[2]);
    }

    /** The length of one flat image vector. */
    public int size() {
        return channels * height * width;
    }

    public int[] toArray() {
        return new int[] {channels, height, width};
    }

    @Override
    public String toString() {
        return "[" + channels + ", " + height + ", " + width + "]";
    }
}
