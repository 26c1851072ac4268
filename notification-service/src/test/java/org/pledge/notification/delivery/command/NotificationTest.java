package org.pledge.notification.delivery.command;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.notification.delivery.api.NotificationKinds;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.notification.delivery.api.RequestNotificationCommand;
import org.pledge.platform.axon.CommandTargets;

class NotificationTest {

    private static final String CASE = "case-1";
    private static final String RECEIVED = NotificationKinds.CASE_RECEIVED;
    private static final String ID = "CASE_RECEIVED:case-1"; // NotificationIds.of(kind, case), worked by hand
    private static final Instant AT = Instant.parse("2025-03-03T14:00:05Z");

    private FixtureConfiguration<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    @Test
    void request_recordsThePendingNotification_whenTheTriggerIsNew() {
        fixture.givenNoPriorActivity()
                .when(RequestNotificationCommand.of(RECEIVED, CASE, "fr-CA", "EMAIL", "ce-1", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NotificationRequestedEvent(ID, CASE, RECEIVED, "fr-CA", "EMAIL", "ce-1", AT));
    }

    @Test
    void request_changesNothing_whenTheSameTriggerComesAgainUnderAnotherEventId() {
        fixture.given(new NotificationRequestedEvent(ID, CASE, RECEIVED, "fr-CA", "EMAIL", "ce-1", AT))
                .when(RequestNotificationCommand.of(RECEIVED, CASE, "en-CA", "SMS", "ce-2", AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void request_isRejected_whenTheIdIsNotTheTriggersId() {
        fixture.givenNoPriorActivity()
                .when(new RequestNotificationCommand(NotificationIds.of(RECEIVED, "case-2"), CASE, RECEIVED, "fr-CA", "EMAIL", "ce-1", AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void request_isRejected_whenItHasNoInstant() {
        fixture.givenNoPriorActivity()
                .when(RequestNotificationCommand.of(RECEIVED, CASE, "fr-CA", "EMAIL", "ce-1", null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
