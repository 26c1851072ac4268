package org.pledge.cases.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An image as Jib's {@code buildTar} writes it (the {@code docker save} layout): {@code manifest.json}, the config
 * it names, and the layers as {@code .tar.gz} files, applied in the manifest's order. Read with no Docker.
 */
final class ImageTarball {

    /** One file, folder or link of a layer, with its absolute path in the image. */
    record Entry(String path, int mode, long uid, long gid, long modifiedEpochSeconds, boolean directory,
                 boolean symbolicLink, long size) {
    }

    private final Path tarball;
    private final JsonNode manifest;
    private final JsonNode config;
    private final Map<String, Entry> entries;

    private ImageTarball(Path tarball, JsonNode manifest, JsonNode config, Map<String, Entry> entries) {
        this.tarball = tarball;
        this.manifest = manifest;
        this.config = config;
        this.entries = entries;
    }

    /** Reads the tarball's manifest, config and every layer's list of entries; fails when there is no tarball. */
    static ImageTarball read(Path tarball) throws IOException {
        assertThat(tarball)
                .as("the image tarball; build it with the profile: mvn -Pimage -pl case-service -am verify")
                .isRegularFile();
        Map<String, byte[]> jsonFiles = new LinkedHashMap<>();
        try (TarArchiveInputStream in = open(tarball)) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".json")) {
                    jsonFiles.put(e.getName(), in.readAllBytes());
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(jsonFiles).as("files at the tarball's top").containsKey("manifest.json");
        JsonNode manifests = json.readTree(jsonFiles.get("manifest.json"));
        assertThat(manifests.size()).as("images in the tarball").isEqualTo(1);
        JsonNode manifest = manifests.get(0);
        JsonNode config = json.readTree(jsonFiles.get(manifest.get("Config").asText()));

        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String layer : layers(manifest)) {
            forEachInLayer(tarball, layer, (entry, content) -> entries.put(entry.path(), entry));
        }
        return new ImageTarball(tarball, manifest, config, entries);
    }

    JsonNode manifest() {
        return manifest;
    }

    /** The whole config file ({@code created}, {@code architecture}, {@code config}, {@code history}...). */
    JsonNode configFile() {
        return config;
    }

    /** The run configuration: {@code User}, {@code Entrypoint}, {@code Env}, {@code Labels}... */
    JsonNode config() {
        return config.get("config");
    }

    /** Every path in the image once, as the last layer that holds it left it. */
    Map<String, Entry> entries() {
        return entries;
    }

    /** The content of one regular file of the image (from the last layer that holds it). */
    byte[] content(String path) throws IOException {
        byte[][] found = new byte[1][];
        for (String layer : layers(manifest)) {
            forEachInLayer(tarball, layer, (entry, content) -> {
                if (entry.path().equals(path)) {
                    found[0] = content.readAllBytes();
                }
            });
        }
        assertThat(found[0]).as("the file %s in the image", path).isNotNull();
        return found[0];
    }

    /** Writes the image's files whose path the filter accepts under {@code root}, with their modes and links. */
    void unpack(Path root, Predicate<String> paths) throws IOException {
        for (String layer : layers(manifest)) {
            forEachInLayer(tarball, layer, (entry, content) -> {
                if (!paths.test(entry.path())) {
                    return;
                }
                Path target = root.resolve(entry.path().substring(1)).normalize();
                assertThat(target).as("a path of the image that stays in it").startsWithRaw(root);
                if (entry.directory()) {
                    Files.createDirectories(target);
                } else if (entry.symbolicLink()) {
                    throw new IllegalStateException("the image was meant to hold no links: " + entry.path());
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(content, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(entry.mode()));
                }
            });
        }
    }

    private static List<String> layers(JsonNode manifest) {
        List<String> layers = new ArrayList<>();
        manifest.get("Layers").forEach(layer -> layers.add(layer.asText()));
        return layers;
    }

    private interface EntryReader {
        void read(Entry entry, InputStream content) throws IOException;
    }

    private static void forEachInLayer(Path tarball, String layer, EntryReader reader) throws IOException {
        try (TarArchiveInputStream outer = open(tarball)) {
            for (TarArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
                if (!e.getName().equals(layer)) {
                    continue;
                }
                TarArchiveInputStream inner = new TarArchiveInputStream(new GZIPInputStream(outer));
                for (TarArchiveEntry f = inner.getNextEntry(); f != null; f = inner.getNextEntry()) {
                    String path = "/" + f.getName().replaceFirst("^\\./", "").replaceFirst("^/", "")
                            .replaceFirst("/$", "");
                    reader.read(new Entry(path, f.getMode() & 07777, f.getLongUserId(), f.getLongGroupId(),
                            f.getModTime().toInstant().getEpochSecond(), f.isDirectory(), f.isSymbolicLink(),
                            f.getSize()), inner);
                }
                return;
            }
        }
        throw new AssertionError("the layer " + layer + " is not in " + tarball);
    }

    private static TarArchiveInputStream open(Path tarball) throws IOException {
        return new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball), 1 << 16));
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
