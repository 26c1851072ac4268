package org.pledge.cases.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * case-service's container image, as the Maven profile {@code image} builds it with Jib and no Docker daemon
 * (docs/container-images.md): read from {@code target/jib-image.tar}, which the profile writes at {@code package},
 * before failsafe runs this test. Outside the profile the test is not run (the tarball would be missing, and the test
 * fails then, never skips). The image's own java is run from its unpacked layers, with its own dynamic loader and
 * libraries and nothing of the build host's, with no root and no Docker.
 */
class CaseServiceImageIT {

    private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+):(\\d+)");
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|private|_key|apikey|master).*");
    private static ImageTarball image;

    @BeforeAll
    static void readImage() throws IOException {
        image = ImageTarball.read(Path.of(System.getProperty("pledge.image.tar", "target/jib-image.tar")));
    }

    @Test
    void image_runsAsNumericNonRootUser() {
        Matcher user = NUMERIC_USER.matcher(image.config().path("User").asText());
        // numeric, so that Kubernetes' runAsNonRoot can check it; 65532 as in the chart's securityContext
        assertThat(user.matches()).as("User %s is uid:gid in numbers", image.config().path("User")).isTrue();
        assertThat(Long.parseLong(user.group(1))).isEqualTo(65532);
        assertThat(Long.parseLong(user.group(2))).isEqualTo(65532);
        assertThat(image.config().path("WorkingDir").asText()).isEqualTo("/app");
    }

    @Test
    void entrypoint_startsTheServiceWithTheImagesJava() {
        List<String> entrypoint = texts(image.config().path("Entrypoint"));
        assertThat(entrypoint).containsExactly(
                "/opt/java/bin/java", "-cp", "@/app/jib-classpath-file", "org.pledge.cases.CaseServiceApplication");
        assertThat(image.config().path("Cmd").isMissingNode() || image.config().path("Cmd").isNull()
                || image.config().path("Cmd").isEmpty()).as("no Cmd after the entrypoint").isTrue();
    }

    @Test
    void environment_holdsNoSecretAndNoSettingOfAnEnvironment() {
        List<String> env = texts(image.config().path("Env"));
        assertThat(env).containsExactlyInAnyOrder("JAVA_HOME=/opt/java", "PATH=/opt/java/bin", "LANG=C.UTF-8");
        for (String variable : env) {
            assertThat(variable.substring(0, variable.indexOf('='))).doesNotMatch(SECRET_NAME);
        }
        // JVM options come from the pod's JAVA_TOOL_OPTIONS; connection settings from the chart
        assertThat(env).noneMatch(v -> v.startsWith("JAVA_TOOL_OPTIONS=") || v.startsWith("SPRING_"));
    }

    @Test
    void config_exposesTheServicePortAndTmpAsAVolume() {
        assertThat(names(image.config().path("ExposedPorts"))).containsExactly("8081/tcp");
        assertThat(names(image.config().path("Volumes"))).containsExactly("/tmp");
        assertThat(image.configFile().path("architecture").asText()).isEqualTo("amd64");
        assertThat(image.configFile().path("os").asText()).isEqualTo("linux");
    }

    @Test
    void image_isCreatedAtTheEpoch_soTheSameBuildGivesTheSameDigest() {
        assertThat(image.configFile().path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(image.entries().values()).allSatisfy(e -> assertThat(e.modifiedEpochSeconds())
                .as("modification time of %s", e.path()).isLessThanOrEqualTo(1));
    }

    @Test
    void labels_recordVersionRevisionJdkAndPackages() {
        JsonNode labels = image.config().path("Labels");
        assertThat(image.manifest().path("RepoTags").get(0).asText()).isEqualTo(System.getProperty("pledge.image.name"));
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("case-service");
        assertThat(labels.path("org.opencontainers.image.version").asText())
                .isEqualTo(System.getProperty("pledge.image.version"));
        assertThat(labels.path("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(labels.path("org.opencontainers.image.source").asText()).isNotBlank().doesNotContain("@");
        assertThat(labels.path("org.pledge.image.jdk").asText()).startsWith("17.");
        assertThat(labels.path("org.pledge.image.base-packages").asText())
                .containsPattern("libc6=\\S+ libgcc-s1=\\S+ libstdc\\+\\+6=\\S+ zlib1g=\\S+");
        assertThat(labels.toString()).doesNotContain("${");
    }

    @Test
    void layers_holdTheServiceItsLibrariesAndTheJre() throws IOException {
        Map<String, ImageTarball.Entry> entries = image.entries();
        assertThat(entries).containsKeys("/app/classes/org/pledge/cases/CaseServiceApplication.class",
                "/app/resources/application.yml", "/opt/java/lib/modules", "/opt/java/lib/server/libjvm.so",
                "/opt/java/lib/security/cacerts", "/lib/x86_64-linux-gnu/libc.so.6",
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/etc/passwd", "/tmp");
        // every entry of the class path Jib wrote is in the image
        String classpath = new String(image.content("/app/jib-classpath-file"), StandardCharsets.UTF_8).trim();
        assertThat(classpath.split(":")).contains("/app/classes", "/app/resources")
                .anyMatch(p -> p.matches("/app/libs/platform-.+\\.jar"))
                .allSatisfy(p -> assertThat(entries).as("class path entry %s", p).containsKey(p));
        assertThat(new String(image.content("/etc/passwd"), StandardCharsets.UTF_8))
                .contains("nonroot:x:65532:65532:");
    }

    @Test
    void files_belongToRootAndOnlyTheProgramsAreExecutable() {
        for (ImageTarball.Entry e : image.entries().values()) {
            // the user the service runs as can change nothing of the image (the pod's root filesystem is read-only too)
            assertThat(e.uid()).as("owner of %s", e.path()).isZero();
            assertThat(e.gid()).as("group of %s", e.path()).isZero();
            assertThat(e.mode() & 0022).as("mode of %s: writable by others", e.path()).isZero();
            assertThat(e.symbolicLink()).as("%s is a link", e.path()).isFalse();
        }
        assertThat(image.entries().get("/opt/java/bin/java").mode()).isEqualTo(0755);
        assertThat(image.entries().get("/lib64/ld-linux-x86-64.so.2").mode()).isEqualTo(0755);
    }

    @Test
    void image_hasNoShellNoPackageManagerAndNoBuildTools() {
        assertThat(image.entries().keySet())
                .noneMatch(p -> p.matches("/(usr/)?s?bin(/.*)?"))
                .noneMatch(p -> p.matches(".*/(sh|bash|dash|apt|apt-get|dpkg|javac|jlink|jshell)"))
                .noneMatch(p -> p.startsWith("/var/lib/dpkg"))
                // of the packages' documentation, only their licences
                .filteredOn(p -> p.startsWith("/usr/share/doc/") && !p.matches("/usr/share/doc/[^/]+"))
                .allMatch(p -> p.endsWith("/copyright"))
                .contains("/usr/share/doc/libc6/copyright", "/usr/share/doc/zlib1g/copyright");
    }

    @Test
    void imagesJava_runsWithTheImagesOwnLibraries_whenStartedFromTheLayers(@TempDir Path root) throws Exception {
        image.unpack(root, p -> p.startsWith("/opt/java") || p.startsWith("/lib") || p.startsWith("/usr/lib")
                || p.startsWith("/etc"));
        String jdk = image.config().path("Labels").path("org.pledge.image.jdk").asText();

        JavaRun properties = runImagesJava(root, "-XshowSettings:properties", "-version");
        assertThat(properties.output()).contains("java.home = " + root.resolve("opt/java"))
                .contains("java.runtime.version = " + jdk)
                // LANG=C.UTF-8: the JVM's default charset is UTF-8, not ASCII
                .contains("file.encoding = UTF-8");
        assertThat(properties.loaded()).contains(root.resolve("lib/x86_64-linux-gnu/libc.so.6").toString())
                .anyMatch(l -> l.endsWith("/libjvm.so"))
                .allSatisfy(l -> assertThat(Path.of(l).normalize()).as("a library the JVM loaded").startsWithRaw(root));

        // jdk.localedata is in: the services write French dates and numbers
        JavaRun locales = runImagesJava(root, "-XshowSettings:locale", "-version");
        assertThat(locales.output()).containsPattern("(?s)available locales = .*\\bfr_CA\\b");
        assertThat(Files.exists(root.resolve("opt/java/bin/javac"))).isFalse();
    }

    /** What the image's java printed, and the shared libraries its loader loaded (LD_DEBUG=libs). */
    private record JavaRun(String output, List<String> loaded) {
    }

    /**
     * Runs the unpacked image's java with the image's environment through the image's own dynamic loader, told to
     * look only in the image (no ld.so.cache of the build host). Fails unless it ends normally.
     */
    private static JavaRun runImagesJava(Path root, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("lib64/ld-linux-x86-64.so.2").toString(),
                "--inhibit-cache", "--library-path",
                root.resolve("lib/x86_64-linux-gnu") + ":" + root.resolve("usr/lib/x86_64-linux-gnu"),
                root.resolve("opt/java/bin/java").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        for (String variable : texts(image.config().path("Env"))) {
            builder.environment().put(variable.substring(0, variable.indexOf('=')),
                    variable.substring(variable.indexOf('=') + 1));
        }
        builder.environment().put("LD_DEBUG", "libs");
        Process java = builder.start();
        List<String> lines = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("java -version ended").isTrue();
        Pattern loaderLine = Pattern.compile("^\\s*\\d+:\\s.*");
        String output = String.join("\n", lines.stream().filter(l -> !loaderLine.matcher(l).matches()).toList());
        assertThat(java.exitValue()).as(output).isZero();
        List<String> loaded = lines.stream().filter(l -> l.contains("calling init: "))
                .map(l -> l.substring(l.indexOf("calling init: ") + "calling init: ".length()).trim()).toList();
        return new JavaRun(output, loaded);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
