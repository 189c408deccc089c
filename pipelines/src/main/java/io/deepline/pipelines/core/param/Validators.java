package io.deepline.pipelines.core.param;

import io.deepline.pipelines.core.interop.ScalaFunctions;
import java.io.Serializable;
import java.util.function.Predicate;

/**
 * Param validators as serializable Scala functions, for checks MLlib's {@code ParamValidators} cannot
 * express (every element of an array, finiteness, case-insensitive choices).
 */
public final class Validators {
    private Validators() {
    }

    /** A predicate that survives Java serialization. */
    public interface SerializablePredicate<T> extends Predicate<T>, Serializable {
    }

    /** A validator that Spark can call and serialize; null is never valid. */
    public static <T> scala.Function1<T, Object> of(SerializablePredicate<T> predicate) {
        return ScalaFunctions.of(value -> value != null && predicate.test(value));
    }

    /** An array (possibly empty) whose elements are all &gt; 0. */
    public static scala.Function1<int[], Object> positiveInts() {
        return of(a -> {
            for (int v : a) {
                if (v <= 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** An int &gt; 0. */
    public static scala.Function1<Object, Object> positiveInt() {
        return of(v -> ((Number) v).intValue() > 0);
    }

    /** A finite double &gt; 0. */
    public static scala.Function1<Object, Object> positiveFinite() {
        return of(v -> {
            double d = ((Number) v).doubleValue();
            return d > 0 && !Double.isInfinite(d);
        });
    }

    /** A finite double &ge; 0. */
    public static scala.Function1<Object, Object> nonNegativeFinite() {
        return of(v -> {
            double d = ((Number) v).doubleValue();
            return d >= 0 && !Double.isInfinite(d);
        });
    }

    /** 0 (a check turned off) or a finite double &gt; 1 (a factor of growth). */
    public static scala.Function1<Object, Object> zeroOrAboveOne() {
        return of(v -> {
            double d = ((Number) v).doubleValue();
            return d == 0 || d > 1 && !Double.isInfinite(d);
        });
    }

    /** A double in (0, 1). */
    public static scala.Function1<Object, Object> openUnitInterval() {
        return of(v -> {
            double d = ((Number) v).doubleValue();
            return d > 0 && d < 1;
        });
    }

    /** A double in [0, 1). */
    public static scala.Function1<Object, Object> probabilityBelowOne() {
        return of(v -> {
            double d = ((Number) v).doubleValue();
            return d >= 0 && d < 1;
        });
    }

    /** One of {@code choices}, ignoring case and surrounding blanks. */
    public static scala.Function1<String, Object> oneOfIgnoringCase(String... choices) {
        String[] copy = choices.clone();
        return of(v -> {
            for (String c : copy) {
                if (c.equalsIgnoreCase(v.trim())) {
                    return true;
                }
            }
            return false;
        });
    }
}
