/**
 * The {@code train} workflow: build the SparkSession ({@link io.deepline.jobs.train.JobSession}), read and check
 * the data ({@link io.deepline.jobs.train.DataReader}, {@link io.deepline.jobs.train.InputSchema}), assemble the
 * Spark ML pipeline ({@link io.deepline.jobs.train.TrainingPipeline}), fit it on the training split, evaluate it on
 * the test split ({@link io.deepline.jobs.metrics.ClassificationMetrics}), and save the model and its metrics
 * ({@link io.deepline.jobs.train.MetricsReport}). {@link io.deepline.jobs.train.TrainJob} runs these steps in order.
 *
 * <p>Every path goes through Hadoop {@code FileSystem}, so the same job runs on local files and on HDFS.
 */
package io.deepline.jobs.train;
