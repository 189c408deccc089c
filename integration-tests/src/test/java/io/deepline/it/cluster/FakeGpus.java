package io.deepline.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GPUs for workers on a machine without any: each worker gets its own discovery script that prints fixed addresses
 * in Spark's resource JSON ({@code {"name": "gpu", "addresses": ["1"]}}), passed as
 * {@code spark.worker.resource.gpu.amount} and {@code spark.worker.resource.gpu.discoveryScript}. Spark then
 * schedules {@code gpu} resources exactly as on a GPU cluster, which is what Deepline's task-to-device binding reads.
 */
public final class FakeGpus {

    private final List<List<String>> addressesPerWorker;

    private FakeGpus(List<List<String>> addressesPerWorker) {
        this.addressesPerWorker = addressesPerWorker;
    }

    /** Workers without GPUs. */
    public static FakeGpus none() {
        return new FakeGpus(List.of());
    }

    /** Worker i (from 1) has the GPU addresses {@code addresses.get(i - 1)}. */
    public static FakeGpus perWorker(List<List<String>> addresses) {
        return new FakeGpus(List.copyOf(addresses));
    }

    /** The addresses worker {@code worker} (from 1) offers; empty without fake GPUs. */
    public List<String> addressesOf(int worker) {
        return addressesPerWorker.isEmpty() ? List.of() : addressesPerWorker.get(worker - 1);
    }

    /** The worker JVM's system properties for its GPUs, writing its discovery script into {@code dir}. */
    List<String> workerOptions(int worker, Path dir) throws IOException {
        List<String> addresses = addressesOf(worker);
        if (addresses.isEmpty()) {
            return List.of();
        }
        String json = addresses.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ",
                "{\"name\": \"gpu\", \"addresses\": [", "]}"));
        Path script = dir.resolve("discover-fake-gpus.sh");
        Files.writeString(script, "#!/bin/sh\necho '" + json + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return List.of("-Dspark.worker.resource.gpu.amount=" + addresses.size(),
                "-Dspark.worker.resource.gpu.discoveryScript=" + script);
    }
}
