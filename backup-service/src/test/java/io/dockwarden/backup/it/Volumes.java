package io.dockwarden.backup.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.dockwarden.testsupport.docker.DockerEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Test volumes on the real engine: made, filled by a busybox shell script in a container without network, and read
 * back independently of the service's own code, entry by entry.
 */
final class Volumes {

    private static final DockerEngine ENGINE = DockerEngine.local();

    private Volumes() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String create(String name, Map<String, String> labels) {
        return ENGINE.createVolume(name, labels);
    }

    /** Runs a shell script with the volume at {@code /data} and waits for it to succeed. */
    static void run(String volume, String script) {
        DockerClient client = ENGINE.client();
        String id = ENGINE.createContainer(unique("dw-fill"), command -> command.withCmd("sh", "-c", script)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withBinds(new Bind(volume, new Volume("/data")))));
        try {
            client.startContainerCmd(id).exec();
            Integer status = client.waitContainerCmd(id).start().awaitStatusCode(5, TimeUnit.MINUTES);
            if (status == null || status != 0) {
                throw new AssertionError("script in volume " + volume + " exited with " + status + ": " + script);
            }
        } finally {
            ENGINE.removeContainerQuietly(id);
        }
    }

    /** Whether the engine has the volume. */
    static boolean exists(String volume) {
        try {
            ENGINE.client().inspectVolumeCmd(volume).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    /**
     * Every entry of the volume as {@code path -> type mode uid:gid size mtime link sha256}, read through the archive
     * API of a container of our own, with the root as {@code .}.
     */
    static Map<String, String> contents(String volume) {
        DockerClient client = ENGINE.client();
        String id = ENGINE.createContainer(unique("dw-read"), command -> command.withCmd("true")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withBinds(new Bind(volume, new Volume("/probe")))));
        try (InputStream stream = client.copyArchiveFromContainerCmd(id, "/probe").exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(stream, StandardCharsets.UTF_8.name())) {
            Map<String, String> entries = new TreeMap<>();
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = entry.getName().replaceFirst("^probe/?", "").replaceFirst("/$", "");
                String type = entry.isDirectory() ? "dir" : entry.isSymbolicLink() ? "symlink"
                        : entry.isLink() ? "hardlink" : "file";
                String link = entry.isSymbolicLink() ? entry.getLinkName()
                        : entry.isLink() ? entry.getLinkName().replaceFirst("^probe/", "") : "-";
                String sha = type.equals("file") ? sha256(tar) : "-";
                entries.put(path.isEmpty() ? "." : path, type + " " + String.format("%04o", entry.getMode() & 07777)
                        + " " + entry.getLongUserId() + ":" + entry.getLongGroupId() + " " + entry.getSize() + " "
                        + entry.getLastModifiedTime().toInstant().getEpochSecond() + " " + link + " " + sha);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ENGINE.removeContainerQuietly(id);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void remove(String... volumes) {
        for (String volume : volumes) {
            ENGINE.removeVolumeQuietly(volume);
        }
    }
}
