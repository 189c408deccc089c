package io.deepline.pipelines.core.collective.gpu;

import io.deepline.pipelines.core.collective.CollectiveException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * How the ranks of an NCCL collective agree on NCCL's unique id through the barrier stage's {@code allGather}:
 * each rank advertises {@code nccl|host|device|id}, where only rank 0 fills in the id (Base64 of NCCL's 128 bytes)
 * and the others take rank 0's.
 *
 * <p>The marker matters because the implementation is chosen on each executor: a rank whose host lacks NCCL falls
 * back to the NIO collective and advertises a plain {@code host:port}. Mixing the two would deadlock, so an NCCL
 * rank that sees such an entry fails at once, naming that rank and host. Two ranks on one GPU are refused here too,
 * before NCCL would refuse them less clearly.
 *
 * @param uniqueId rank 0's NCCL unique id
 * @param hosts    every rank's host, by rank, for error messages
 */
public record NcclRendezvous(byte[] uniqueId, String[] hosts) {
    /** NCCL_UNIQUE_ID_BYTES in nccl.h. */
    public static final int ID_BYTES = 128;
    private static final String MARKER = "nccl";
    private static final String SEP = "|";

    /**
     * This rank's entry for the allGather.
     *
     * @param uniqueId NCCL's id on rank 0, null on the other ranks
     */
    public static String advertise(String host, int device, byte[] uniqueId) {
        if (host.contains(SEP)) {
            throw new IllegalArgumentException("host '" + host + "' must not contain '" + SEP + "'");
        }
        if (uniqueId != null && uniqueId.length != ID_BYTES) {
            throw new IllegalArgumentException("an NCCL unique id has " + ID_BYTES + " bytes, got " + uniqueId.length);
        }
        String id = uniqueId == null ? "-" : Base64.getEncoder().encodeToString(uniqueId);
        return MARKER + SEP + host + SEP + device + SEP + id;
    }

    /**
     * Reads every rank's entry, as returned by the allGather, on rank {@code myRank}.
     *
     * @throws CollectiveException naming the rank and host whose entry is not an NCCL one, which shares a GPU with
     *                             another rank, or (rank 0) whose id is missing or malformed
     */
    public static NcclRendezvous read(String[] gathered, int myRank) {
        String[] hosts = new String[gathered.length];
        Map<String, Integer> gpus = new HashMap<>();
        byte[] id = null;
        for (int rank = 0; rank < gathered.length; rank++) {
            String entry = gathered[rank] == null ? "" : gathered[rank];
            String[] parts = entry.split("\\" + SEP, -1);
            if (parts.length != 4 || !parts[0].equals(MARKER)) {
                throw new CollectiveException("rank " + myRank + " uses the NCCL collective, but rank " + rank
                        + " advertised '" + entry + "', which is the NIO collective's host:port: its executor has no"
                        + " usable NCCL (see its log for why). Install NCCL 2 (libnccl.so.2) on every GPU host, or"
                        + " on none of them");
            }
            hosts[rank] = parts[1];
            String gpu = parts[1] + " GPU " + parts[2];
            Integer other = gpus.putIfAbsent(gpu, rank);
            if (other != null) {
                throw new CollectiveException("ranks " + other + " and " + rank + " both run on " + gpu + "; NCCL needs"
                        + " one GPU per rank: set spark.task.resource.gpu.amount=1");
            }
            if (rank == 0) {
                id = decodeId(parts[3], parts[1]);
            }
        }
        return new NcclRendezvous(id, hosts);
    }

    private static byte[] decodeId(String base64, String host) {
        byte[] id;
        try {
            id = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            id = new byte[0];
        }
        if (id.length != ID_BYTES) {
            throw new CollectiveException("rank 0 (" + host + ") advertised no valid NCCL unique id: expected Base64"
                    + " of " + ID_BYTES + " bytes, got '" + base64 + "'");
        }
        return id;
    }
}
