/**
 * A local Spark standalone cluster and HDFS for the integration tests, with no download: {@link
 * io.deepline.it.cluster.SparkHome} (a SPARK_HOME out of Maven's Spark jars), {@link
 * io.deepline.it.cluster.StandaloneCluster} (Master and Workers as child JVMs on 127.0.0.1), {@link
 * io.deepline.it.cluster.MiniHdfs}, {@link io.deepline.it.cluster.Submit} (SparkSubmit in client mode) and {@link
 * io.deepline.it.cluster.EventLog}; {@link io.deepline.it.cluster.LocalCluster} starts them together once.
 */
package io.deepline.it.cluster;
