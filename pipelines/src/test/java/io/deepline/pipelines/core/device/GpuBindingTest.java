package io.deepline.pipelines.core.device;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU binding logic, on the CPU backend this machine has: which device a task's resources name, what binding
 * does on each backend, and that real Spark tasks without GPU scheduling are left alone.
 */
@ExtendWith(SparkSessionExtension.class)
class GpuBindingTest {

    private static Map<String, ResourceInformation> resources(String name, String... addresses) {
        return Map.of(name, new ResourceInformation(name, addresses));
    }

    @Test
    void theTasksGpuAddressIsTheDeviceId() {
        assertEquals(OptionalInt.of(3), GpuAssignment.deviceOf(resources("gpu", "3")));
        assertEquals(OptionalInt.of(0), GpuAssignment.deviceOf(resources("gpu", " 0 ")));
        assertEquals(OptionalInt.of(1), GpuAssignment.deviceOf(resources("gpu", "1", "2")),
                "a task holding two GPUs runs its one network on the first");
    }

    @Test
    void withoutAGpuResourceThereIsNoDevice() {
        assertEquals(OptionalInt.empty(), GpuAssignment.deviceOf(Collections.emptyMap()));
        assertEquals(OptionalInt.empty(), GpuAssignment.deviceOf(null));
        assertEquals(OptionalInt.empty(), GpuAssignment.deviceOf(resources("fpga", "0")));
        assertEquals(OptionalInt.empty(), GpuAssignment.deviceOf(resources("gpu")));
    }

    @Test
    void anAddressThatIsNotAnOrdinalIsRefusedNamingTheDiscoveryScript() {
        assertFailsNaming(IllegalStateException.class, () -> GpuAssignment.deviceOf(resources("gpu", "GPU-3f2a")),
                "'GPU-3f2a'", "not a CUDA device ordinal", "discoveryScript");
        assertFailsNaming(IllegalStateException.class, () -> GpuAssignment.deviceOf(resources("gpu", "-1")), "'-1'");
    }

    @Test
    void bindingDependsOnTheAssignmentAndTheBackend() {
        assertEquals(GpuBinding.Outcome.NO_GPU_ASSIGNED, GpuBinding.bind(Map.of(), false, "task 1"));
        assertEquals(GpuBinding.Outcome.CPU_BACKEND, GpuBinding.bind(resources("gpu", "0"), true, "task 2"),
                "the CPU backend has no device to bind to");
        // Device 0 exists on every backend; on the CPU backend ND4J's unsafeSetDevice is its documented no-op.
        assertEquals(GpuBinding.Outcome.BOUND, GpuBinding.bind(resources("gpu", "0"), false, "task 3"));
        assertFailsNaming(IllegalStateException.class, () -> GpuBinding.bind(resources("gpu", "7"), false, "task 4"),
                "task 4 was assigned GPU 7", "ND4J sees 1 device(s)", "CUDA_VISIBLE_DEVICES");
    }

    /** The shipped discovery script's output, read by Spark's own parser, names the devices the workers bind to. */
    @Test
    void theDiscoveryScriptPrintsOrdinalsSparkParses(@TempDir Path dir) throws Exception {
        Path fakeSmi = dir.resolve("nvidia-smi");
        Files.writeString(fakeSmi, "#!/bin/sh\necho 0\necho 1\n");
        fakeSmi.toFile().setExecutable(true);
        Path script = DataSamples.dir().resolveSibling("conf/gpu/discover-gpus.sh");
        ProcessBuilder run = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        run.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        run.environment().remove("CUDA_VISIBLE_DEVICES");
        Process process = run.start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), json);

        ResourceInformation gpus = ResourceInformation.parseJson(json);
        assertEquals("gpu", gpus.name());
        assertEquals(List.of("0", "1"), List.of(gpus.addresses()));
        assertEquals(OptionalInt.of(0), GpuAssignment.deviceOf(Map.of("gpu", gpus)));
    }

    @Test
    void realSparkTasksWithoutGpuSchedulingAndTheDriverAreLeftAlone(SparkSession spark) {
        List<String> outcomes = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(1, 2, 3, 4), 2)
                .mapPartitions(rows -> List.of(GpuBinding.bindCurrentTask().name()).iterator())
                .collect();
        assertEquals(List.of("NO_GPU_ASSIGNED", "NO_GPU_ASSIGNED"), outcomes);
        assertEquals(GpuBinding.Outcome.NO_GPU_ASSIGNED, GpuBinding.bindCurrentTask(), "the driver is no task");
    }
}
