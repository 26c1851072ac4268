package org.pledge.systemtests;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.pledge.systemtests.console.ConsoleStack;

/**
 * Stops the console and the shared services ({@link ConsoleStack#shared()}, {@link ServiceProcesses#shared()}) when the
 * last test has run, before the JVM's shutdown hooks stop the infrastructure they use: they then stop within seconds
 * instead of waiting for a MongoDB and a Kafka that are gone until the grace period ends (about 20 s of every run).
 * When the launcher session closes, not when a test plan ends: Surefire may run one plan per class in a session.
 * Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; the shutdown hooks stay,
 * for a JVM that ends otherwise.
 */
public final class SharedProcessesStop implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        ConsoleStack.stopShared(); // first: it calls the services
        ServiceProcesses.stopShared();
    }
}
