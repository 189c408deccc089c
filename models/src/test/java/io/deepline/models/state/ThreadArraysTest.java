package io.deepline.models.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ThreadArraysTest {

    @Test
    void theSameSlotAndShapeReusesOneArrayRefilledEachTime() {
        INDArray first = ThreadArrays.filled("test-features", new float[] {1, 2, 3, 4}, 2, 2);
        assertEquals(Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c'), first);

        INDArray second = ThreadArrays.filled("test-features", new float[] {5, 6, 7, 8}, 2, 2);

        assertSame(first, second);
        assertEquals(Nd4j.create(new float[] {5, 6, 7, 8}, new long[] {2, 2}, 'c'), second);
        assertEquals(DataType.FLOAT, second.dataType());
    }

    @Test
    void otherSlotsShapesAndThreadsGetTheirOwnArrays() throws Exception {
        INDArray features = ThreadArrays.filled("test-a", new float[] {1, 2}, 1, 2);
        INDArray labels = ThreadArrays.filled("test-b", new float[] {3, 4}, 1, 2);
        INDArray shorter = ThreadArrays.filled("test-a", new float[] {5, 6}, 2, 1);
        AtomicReference<INDArray> otherThread = new AtomicReference<>();
        Thread t = new Thread(() -> otherThread.set(ThreadArrays.filled("test-a", new float[] {7, 8}, 1, 2)));
        t.start();
        t.join();

        assertNotSame(features, labels);
        assertNotSame(features, shorter);
        assertNotSame(features, otherThread.get());
        assertArrayEquals(new float[] {1, 2}, features.toFloatVector(), "no other slot, shape or thread wrote it");
        assertArrayEquals(new float[] {3, 4}, labels.toFloatVector());
        assertArrayEquals(new long[] {2, 1}, shorter.shape());
    }

    @Test
    void anArrayFirstAskedForInsideAWorkspaceOutlivesIt() {
        WorkspaceConfiguration conf = WorkspaceConfiguration.builder().initialSize(1 << 20).build();
        INDArray inside;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, "ThreadArraysTest")) {
            inside = ThreadArrays.filled("test-workspace", new float[] {1, 2, 3}, 1, 3);
        }
        assertEquals(false, inside.isAttached(), "the array must not live in the caller's workspace");
        INDArray again = ThreadArrays.filled("test-workspace", new float[] {4, 5, 6}, 1, 3);
        assertSame(inside, again);
        assertArrayEquals(new float[] {4, 5, 6}, again.toFloatVector());
    }
}
