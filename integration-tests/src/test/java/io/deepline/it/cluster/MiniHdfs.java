package io.deepline.it.cluster;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * HDFS in the test JVM: a MiniDFSCluster (one NameNode, one DataNode on loopback) from hadoop-client-minicluster at
 * the Hadoop version of Spark's client, with its storage under {@code baseDir}. Jobs in other JVMs reach it through
 * the full {@code hdfs://127.0.0.1:<port>/...} URIs of {@link #uri(String)}.
 */
public final class MiniHdfs implements AutoCloseable {

    private final MiniDFSCluster cluster;
    private final FileSystem fileSystem;

    private MiniHdfs(MiniDFSCluster cluster) throws IOException {
        this.cluster = cluster;
        this.fileSystem = cluster.getFileSystem();
    }

    public static MiniHdfs start(Path baseDir) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        // Faster for a one-node test cluster: the datanode registers sooner, and a closing file polls for its
        // block's acknowledgement every 10 ms instead of backing off from 400 ms.
        conf.setInt("dfs.heartbeat.interval", 1);
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 10);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        return new MiniHdfs(cluster);
    }

    /** {@code hdfs://127.0.0.1:<port><absolutePath>}. */
    public String uri(String absolutePath) {
        if (!absolutePath.startsWith("/")) {
            throw new IllegalArgumentException("HDFS path '" + absolutePath + "' must be absolute (start with /)");
        }
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort() + absolutePath;
    }

    public FileSystem fileSystem() {
        return fileSystem;
    }

    /** Copies a local file to {@code absolutePath} on HDFS and returns its full URI. */
    public String upload(Path localFile, String absolutePath) throws IOException {
        fileSystem.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(localFile.toUri()),
                new org.apache.hadoop.fs.Path(uri(absolutePath)));
        return uri(absolutePath);
    }

    /** The whole text of a small HDFS file (a metrics.json, a CHAMPION pointer). */
    public String readText(String uri) throws IOException {
        try (var in = fileSystem.open(new org.apache.hadoop.fs.Path(uri))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        cluster.shutdown();
    }
}
