package io.deepline.models.spec;

/** The encoder of an {@link AutoEncoderSpec}: dense layers, or convolution and pooling blocks over an image. */
public enum AutoEncoderArchitecture {
    /** Dense encoder layers, the code, then the mirrored dense decoder. */
    DENSE,
    /** 3×3 convolution + 2×2 max-pooling blocks over an image, dense layers, the code, then a dense decoder. */
    CONV;

    public static String[] names() {
        return UserNames.of(AutoEncoderArchitecture.class);
    }

    public static AutoEncoderArchitecture parse(String name) {
        return UserNames.parse(AutoEncoderArchitecture.class, name, "architecture");
    }
}
