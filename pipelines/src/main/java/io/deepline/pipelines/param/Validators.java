package io.deepline.pipelines.param;

import java.io.Serializable;
import java.util.function.Predicate;
import scala.runtime.AbstractFunction1;

/**
 * Param validators as serializable Scala functions, for checks MLlib's {@code ParamValidators} cannot
 * express (every element of an array, finiteness, case-insensitive choices).
 */
public final class Validators {
    private Validators() {
    }

    /** A validator that Spark can call and serialize. */
    private static final class Check<T> extends AbstractFunction1<T, Object> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final SerializablePredicate<T> predicate;

        Check(SerializablePredicate<T> predicate) {
            this.predicate = predicate;
        }

        @Override
        public Object apply(T value) {
            return value != null && predicate.test(value);
        }
    }

    /** A predicate that survives Java serialization. */
    public interface SerializablePredicate<T> extends Predicate<T>, Serializable {
    }

    public static <T> scala.Function1<T, Object> of(SerializablePredicate<T> predicate) {
        return new Check<>(predicate);
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
