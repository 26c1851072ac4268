package org.pledge.platform.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * {@code pledge.local.port-file}: when set (by a launcher that starts the service with {@code server.port=0}), the
 * service writes the port its web server listens on to that file, so the launcher never has to pick a port that
 * something else may take before the service binds it.
 */
@AutoConfiguration
@ConditionalOnProperty("pledge.local.port-file")
public class PortFileWriter {

    @Bean
    public ApplicationListener<WebServerInitializedEvent> writePortFile(@Value("${pledge.local.port-file}") Path file) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) { // the main server, not management's
                write(file, event.getWebServer().getPort());
            }
        };
    }

    /** Writes {@code port} to {@code file} whole: a reader sees the old content or the new, never a part. */
    public static void write(Path file, int port) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
            Files.writeString(partial, Integer.toString(port), StandardCharsets.US_ASCII);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the port file " + absolute, e);
        }
    }
}
