/**
 * Persistence: the one adapter onto Spark's DefaultParamsWriter/Reader, DL4J network zips and JSON files,
 * all through Hadoop FileSystem so any Hadoop path (file, HDFS, S3A ...) works. See docs/ARCHITECTURE.md, Persistence.
 */
package io.deepline.pipelines.core.persist;
