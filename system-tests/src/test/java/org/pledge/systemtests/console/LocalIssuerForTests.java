package org.pledge.systemtests.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import org.pledge.local.issuer.IssuerServer;
import org.pledge.local.issuer.SigningKey;
import org.pledge.testsupport.security.TokenIssuer;

/**
 * The system tests' issuer: the local stack's own ({@link IssuerServer}, Spring Authorization Server, in this JVM),
 * signing with {@code TestTokens}' key. Found by {@code TestTokens} through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.pledge.testsupport.security.TokenIssuer}), so that every system test's services trust
 * it: the fixtures' tokens (minted by {@code TestTokens}) and the tokens people get when they sign in to the console
 * in a browser have the same {@code iss}, key and JWK set. The console's port is chosen here, before the issuer
 * starts, because the issuer registers the console's redirect URIs.
 */
public final class LocalIssuerForTests implements TokenIssuer {

    private static volatile IssuerServer server;
    private static volatile int consolePort;

    @Override
    public String start(RSAKey signingKey) {
        synchronized (LocalIssuerForTests.class) {
            if (server == null) {
                try {
                    Path keys = Files.createTempDirectory("pledge-st-issuer-");
                    Files.writeString(keys.resolve(SigningKey.FILE), signingKey.toJSONString());
                    keys.resolve(SigningKey.FILE).toFile().deleteOnExit();
                    keys.toFile().deleteOnExit();
                    // ports from the kernel's ephemeral range: ServiceProcesses picks its own below it, so never these
                    consolePort = ephemeralPort();
                    int port = ephemeralPort();
                    while (port == consolePort) {
                        port = ephemeralPort();
                    }
                    IssuerServer started = IssuerServer.start(IssuerServer.Settings.of(port, keys, name -> null,
                            List.of(consoleBase())));
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-issuer-stop"));
                    server = started;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return server.issuer();
        }
    }

    private static int ephemeralPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The issuer, once {@code TestTokens.get()} has started it. */
    static IssuerServer issuer() {
        IssuerServer current = server;
        if (current == null) {
            throw new IllegalStateException("the local issuer has not started: TestTokens.get() starts it");
        }
        return current;
    }

    /** The console's base URI, e.g. {@code http://localhost:23456}: the redirect URIs the issuer accepts are under it. */
    static String consoleBase() {
        return "http://localhost:" + consolePort;
    }

    static int consolePort() {
        return consolePort;
    }
}
