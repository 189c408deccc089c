package io.deepline.pipelines.core.collective.gpu;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.deepline.pipelines.core.collective.CollectiveException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** How NCCL ranks agree on rank 0's id, and how they refuse a group they cannot run. */
class NcclRendezvousTest {
    private static byte[] id() {
        byte[] id = new byte[NcclRendezvous.ID_BYTES];
        for (int i = 0; i < id.length; i++) {
            id[i] = (byte) (i * 7 - 128);
        }
        return id;
    }

    @Test
    void everyRankTakesRankZerosId() {
        String[] gathered = {NcclRendezvous.advertise("hostA", 0, id()), NcclRendezvous.advertise("hostA", 1, null),
                NcclRendezvous.advertise("hostB", 0, null)};
        for (int rank = 0; rank < gathered.length; rank++) {
            NcclRendezvous read = NcclRendezvous.read(gathered, rank);
            assertArrayEquals(id(), read.uniqueId());
            assertArrayEquals(new String[]{"hostA", "hostA", "hostB"}, read.hosts());
        }
    }

    @Test
    void aRankOnTheNioCollectiveIsNamed() {
        String[] gathered = {NcclRendezvous.advertise("hostA", 0, id()), "hostB:40001"};
        assertFailsNaming(CollectiveException.class, () -> NcclRendezvous.read(gathered, 0),
                "rank 1", "'hostB:40001'", "NIO", "libnccl.so.2");
    }

    @Test
    void twoRanksOnOneGpuAreRefused() {
        String[] gathered = {NcclRendezvous.advertise("hostA", 0, id()), NcclRendezvous.advertise("hostA", 0, null)};
        assertFailsNaming(CollectiveException.class, () -> NcclRendezvous.read(gathered, 1),
                "ranks 0 and 1", "hostA GPU 0", "spark.task.resource.gpu.amount=1");
    }

    @Test
    void rankZeroWithoutAValidIdIsNamed() {
        String shortId = "nccl|hostA|0|" + Base64.getEncoder().encodeToString(new byte[16]);
        String[] gathered = {shortId, NcclRendezvous.advertise("hostB", 0, null)};
        assertFailsNaming(CollectiveException.class, () -> NcclRendezvous.read(gathered, 1),
                "rank 0 (hostA)", "128 bytes");
        String[] noId = {NcclRendezvous.advertise("hostA", 0, null)};
        assertFailsNaming(CollectiveException.class, () -> NcclRendezvous.read(noId, 0), "rank 0 (hostA)");
    }
}
