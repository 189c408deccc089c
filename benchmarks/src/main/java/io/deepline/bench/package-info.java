/**
 * Deepline against its peers on the same data, epochs, batch size and updater (plain DL4J, dl4j-spark's parameter
 * averaging, MLlib's MLP), its inference against raw DL4J, its GEMM efficiency, and JMH micro-benchmarks of the hot
 * paths. {@link io.deepline.bench.BenchMain} runs them for {@code bin/deepline-bench}.
 */
package io.deepline.bench;
