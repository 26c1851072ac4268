package org.pledge.local;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts a while after choosing them. Taken below Linux's ephemeral range (32768 and up):
 * a port picked by binding port 0 comes from that range, where any outgoing connection on the machine (Kafka and
 * Mongo clients of the very stack being started) may take it as its local port before the server binds it.
 */
final class TestPorts {

    private static final int LOW = 10_000;
    private static final int HIGH = 32_000;
    private static final Set<Integer> handedOut = new HashSet<>();

    private TestPorts() {
    }

    /** A port free now, never handed out before in this JVM. */
    static synchronized int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (!handedOut.contains(port) && Http.portFree(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
    }
}
