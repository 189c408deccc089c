package io.deepline.models.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hidden layers of a convolutional network, written as a short string (a Param or a job-file value):
 * {@code conv(filters,kernel[,stride])}, {@code pool(size[,stride])} (max pooling, stride defaults to size) and
 * {@code dense(units)}, separated by spaces. Convolutions and pooling come first, then the dense layers; at least
 * one convolution. The default, {@link #LENET}, has the layer sizes of LeNet-5 (LeCun, Bottou, Bengio &amp; Haffner,
 * "Gradient-based learning applied to document recognition", Proc. IEEE 1998), with max pooling and ReLU.
 */
public record CnnArchitecture(List<CnnLayer> layers) {

    /** LeNet-5's sizes: 6 and 16 5×5 filters, each followed by 2×2 pooling, then 120 and 84 dense units. */
    public static final String LENET = "conv(6,5) pool(2) conv(16,5) pool(2) dense(120) dense(84)";

    private static final Pattern ITEM = Pattern.compile("(conv|pool|dense)\\(([^()]*)\\)");
    private static final String SYNTAX = "conv(filters,kernel[,stride]), pool(size[,stride]) or dense(units)";

    public CnnArchitecture {
        layers = List.copyOf(layers);
        boolean sawDense = false;
        boolean sawConv = false;
        for (CnnLayer layer : layers) {
            if (layer instanceof CnnLayer.Dense) {
                sawDense = true;
            } else if (sawDense) {
                throw new IllegalArgumentException("architecture has " + layer + " after a dense layer; put every"
                        + " conv and pool before the dense layers, e.g. '" + LENET + "'");
            }
            sawConv |= layer instanceof CnnLayer.Conv;
        }
        if (!sawConv) {
            throw new IllegalArgumentException("architecture '" + describe(layers) + "' has no conv layer; a"
                    + " convolutional network needs at least one, e.g. '" + LENET + "'");
        }
    }

    /** Parses the written form, e.g. {@code "conv(32,3) pool(2) dense(64)"}; errors name the bad item. */
    public static CnnArchitecture parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("architecture is empty; write layers as " + SYNTAX + ", e.g. '"
                    + LENET + "'");
        }
        List<CnnLayer> layers = new ArrayList<>();
        String[] items = text.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+(?![^(]*\\))");
        for (int i = 0; i < items.length; i++) {
            layers.add(parseItem(items[i], i + 1));
        }
        return new CnnArchitecture(layers);
    }

    private static CnnLayer parseItem(String item, int position) {
        Matcher m = ITEM.matcher(item);
        if (!m.matches()) {
            throw new IllegalArgumentException("architecture item " + position + " '" + item + "' is not " + SYNTAX
                    + "; e.g. '" + LENET + "'");
        }
        int[] args = parseInts(m.group(2), item, position);
        return switch (m.group(1)) {
            case "conv" -> {
                requireArgs(item, position, args, 2, 3);
                yield new CnnLayer.Conv(args[0], args[1], args.length == 3 ? args[2] : 1);
            }
            case "pool" -> {
                requireArgs(item, position, args, 1, 2);
                yield new CnnLayer.Pool(args[0], args.length == 2 ? args[1] : args[0]);
            }
            default -> {
                requireArgs(item, position, args, 1, 1);
                yield new CnnLayer.Dense(args[0]);
            }
        };
    }

    private static int[] parseInts(String list, String item, int position) {
        if (list.isBlank()) {
            return new int[0];
        }
        String[] parts = list.split(",");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("architecture item " + position + " '" + item + "' has a value '"
                        + parts[i].trim() + "' that is not a whole number; write " + SYNTAX);
            }
        }
        return values;
    }

    private static void requireArgs(String item, int position, int[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            throw new IllegalArgumentException("architecture item " + position + " '" + item + "' has " + args.length
                    + " values; write " + SYNTAX);
        }
    }

    static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("architecture: " + what + " is " + value + "; it must be > 0");
        }
    }

    /** The written form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return describe(layers);
    }

    private static String describe(List<CnnLayer> layers) {
        return layers.stream().map(CnnLayer::toString).collect(Collectors.joining(" "));
    }
}
