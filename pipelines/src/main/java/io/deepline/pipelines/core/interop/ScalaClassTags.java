package io.deepline.pipelines.core.interop;

import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** Class tags, which Scala RDD APIs take as an implicit argument that Java must pass explicitly. */
public final class ScalaClassTags {
    private ScalaClassTags() {
    }

    /** The ClassTag of {@code type}. */
    public static <T> ClassTag<T> of(Class<T> type) {
        return ClassTag$.MODULE$.apply(type);
    }
}
