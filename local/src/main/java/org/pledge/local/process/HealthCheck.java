package org.pledge.local.process;

/** Whether a started child is ready for work; the supervisor asks repeatedly while the child starts. */
@FunctionalInterface
public interface HealthCheck {

    /** Healthy as soon as the process runs. */
    HealthCheck ALIVE = Supervised::isAlive;

    /** Must answer within a few seconds; false (not an exception) for "not yet". */
    boolean isHealthy(Supervised child);
}
