/**
 * The one place where Java code meets Scala collections, functions and class tags. Deepline builds for Spark 3.5
 * (Scala 2.12) and Spark 4 (Scala 2.13) from one source tree; the Scala collection library differs between the two
 * (2.13 rewrote it, and Spark 4's APIs return {@code scala.collection.immutable.Seq} where Spark 3.5's return
 * {@code scala.collection.Seq}), so the rest of the code reaches Scala only through these classes, whose
 * signatures compile against both. A test fails when a class outside this package refers to
 * {@code scala.collection} or {@code scala.runtime}.
 */
package io.deepline.pipelines.core.interop;
