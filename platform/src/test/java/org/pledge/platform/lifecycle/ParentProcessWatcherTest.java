package org.pledge.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ParentProcessWatcherTest {

    @Test
    void onExit_runs_whenTheWatchedProcessDies_andNotBefore() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        CountDownLatch exited = new CountDownLatch(1);

        ParentProcessWatcher.watch(parent.pid(), exited::countDown);

        assertThat(exited.await(300, TimeUnit.MILLISECONDS)).isFalse();
        parent.destroy();
        assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void onExit_runsAtOnce_whenTheProcessIsAlreadyGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        CountDownLatch exited = new CountDownLatch(1);

        ParentProcessWatcher.watch(gone.pid(), exited::countDown);

        assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
