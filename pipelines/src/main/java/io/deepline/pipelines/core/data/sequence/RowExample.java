package io.deepline.pipelines.core.data.sequence;

import io.deepline.pipelines.core.interop.ScalaCollections;
import java.io.Serializable;
import java.util.List;

/**
 * Where a problem was seen, for error messages: the row's 0-based position within its Spark partition, a short
 * rendering of its sequence (so the row can be found by content), and what is wrong with it.
 */
record RowExample(int partition, long position, String sample, String detail) implements Serializable {

    private static final int STEPS_SHOWN = 3;
    private static final int VALUES_SHOWN = 4;

    /** The example seen first in (partition, position) order, so merges give the same answer in any order. */
    static RowExample first(RowExample a, RowExample b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        boolean aFirst = a.partition != b.partition ? a.partition < b.partition : a.position <= b.position;
        return aFirst ? a : b;
    }

    /** A short rendering of a features value: the first steps and values, and the length. */
    static String sample(Object features) {
        if (features == null) {
            return "null";
        }
        List<?> steps = ScalaCollections.arrayValue(features);
        StringBuilder s = new StringBuilder("[");
        for (int t = 0; t < Math.min(STEPS_SHOWN, steps.size()); t++) {
            s.append(t == 0 ? "" : ", ");
            Object step = steps.get(t);
            s.append(ScalaCollections.isArrayValue(step) ? render(ScalaCollections.arrayValue(step))
                    : String.valueOf(step));
        }
        return s.append(steps.size() > STEPS_SHOWN ? ", …]" : "]").append(" (").append(steps.size())
                .append(steps.size() == 1 ? " step)" : " steps)").toString();
    }

    private static String render(List<?> values) {
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < Math.min(VALUES_SHOWN, values.size()); k++) {
            s.append(k == 0 ? "" : ", ").append(values.get(k));
        }
        return s.append(values.size() > VALUES_SHOWN ? ", …]" : "]").toString();
    }

    @Override
    public String toString() {
        return "row " + position + " of partition " + partition + " " + sample + ": " + detail;
    }
}
