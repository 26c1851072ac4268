package org.pledge.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The gateway retries a command that lost a race for its aggregate, and nothing else. */
class ConflictRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final CommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus)
            .retryScheduler(ConflictRetryScheduler.of(executor, 3, 1)).build();
    private final AtomicInteger attempts = new AtomicInteger();

    private final Logger schedulerLog = (Logger) LoggerFactory.getLogger(ConflictRetryScheduler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
        schedulerLog.detachAppender(logged);
    }

    @Test
    void aCommandThatLostTheRaceForItsAggregate_isRetried_andSucceeds() {
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("sequence 4 of case-1 was taken");
            }
            return "done";
        });

        assertThat((String) gateway.sendAndWait("go")).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aConflictWrappedInAnotherException_isRetried() {
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() < 2) {
                throw new IllegalStateException("append failed", new ConcurrencyException("taken"));
            }
            return "done";
        });

        assertThat((String) gateway.sendAndWait("go")).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCommandThatKeepsLosing_failsAfterTheRetries() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("taken");
        });

        assertThatThrownBy(() -> gateway.sendAndWait("go")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(4); // the first try and 3 retries
    }

    @Test
    void anyOtherFailure_isTheAnswerAtOnce() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("case-1 is RESOLVED: AssignCaseCommand is not allowed");
        });

        assertThatThrownBy(() -> gateway.sendAndWait("go")).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anErrorEscapingARetriedDispatch_isLogged_withTheCommandsType() throws Exception {
        logged.start();
        schedulerLog.addAppender(logged);
        bus.subscribe(String.class.getName(), command -> {
            throw new ConcurrencyException("taken");
        });
        ((SimpleCommandBus) bus).registerDispatchInterceptor(messages -> (i, m) -> {
            if (attempts.incrementAndGet() > 1) {
                throw new StackOverflowError(); // out of the retried dispatch, past Axon's catch (Exception)
            }
            return m;
        });

        gateway.send("go");
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).isEqualTo("The retry of command String ended with an error; its sender gets no answer");
            assertThat(e.getThrowableProxy().getClassName()).isEqualTo(StackOverflowError.class.getName());
        });
    }
}
