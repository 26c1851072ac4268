package org.pledge.notification.delivery.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.DeliveryReceipts;
import org.pledge.notification.delivery.api.DeliveryAttemptFailedEvent;
import org.pledge.notification.delivery.api.DeliveryAttemptStartedEvent;
import org.pledge.notification.delivery.api.DeliveryPlan;
import org.pledge.notification.delivery.api.DeliveryPolicy;
import org.pledge.notification.delivery.api.NotificationAbandonedEvent;
import org.pledge.notification.delivery.api.NotificationDeliveredEvent;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.notification.delivery.api.NotificationPlannedEvent;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.notification.delivery.api.NotificationSentEvent;
import org.pledge.notification.delivery.api.NotificationWaitingForContactEvent;
import org.pledge.notification.delivery.api.Reachability;
import org.pledge.notification.delivery.api.RecordDeliveryOutcomeCommand;
import org.pledge.notification.delivery.api.RecordDeliveryOutcomeCommand.Outcome;
import org.pledge.notification.delivery.api.RecordDeliveryReceiptCommand;
import org.pledge.notification.delivery.api.RequestNotificationCommand;
import org.pledge.notification.delivery.api.StartDeliveryAttemptCommand;
import org.pledge.platform.axon.CommandTargets;

/**
 * The notification's life with a policy worked by hand: 3 attempts per channel, back-off 1 min then doubled (1, 2, 4 ...)
 * up to 10 min, a lease of 2 min, a receipt wait of 1 h, a contact wait of 30 min.
 */
class NotificationTest {

    // NotificationIds.of("ce-1", "case-submitted", "web-7"): MD5-based UUID of "pledge-notification\nce-1\ncase-submitted\nweb-7"
    private static final String ID = "cf204f39-051d-387b-a912-27cc7a775db0";
    private static final String CASE = "case-1";
    private static final String SUBJECT = "web-7";
    private static final Instant T0 = Instant.parse("2027-01-15T14:00:00Z");
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10),
            Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofMinutes(30));
    private static final Map<String, String> VALUES = Map.of("caseId", CASE, "serviceType", "PASSPORT", "dueDate", "2027-01-29T14:00:00Z");
    private static final String EMAIL_REF = ID + "-email";
    private static final String SMS_REF = ID + "-sms";
    private static final String LETTER_REF = ID + "-letter";

    private static final NotificationRequestedEvent REQUESTED = new NotificationRequestedEvent(ID, CASE, SUBJECT, "CASE_SUBMITTED",
            "case-submitted", 2, "case-submitted", "ce-1", "pledge.case.submitted.v1", "fr-CA", VALUES, null, T0);
    private static final NotificationPlannedEvent PLANNED_ALL = new NotificationPlannedEvent(ID,
            List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER), "fr-CA", T0);
    private static final NotificationPlannedEvent PLANNED_SMS_LETTER = new NotificationPlannedEvent(ID,
            List.of(Channel.SMS, Channel.LETTER), "fr-CA", T0);

    private FixtureConfiguration<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    // ------------------------------------------------------------------ requested

    @Test
    void id_isTheNameBasedUuidOfEventRuleAndRecipient() {
        assertThat(NotificationIds.of("ce-1", "case-submitted", SUBJECT)).isEqualTo(ID);
        assertThat(NotificationIds.of("ce-2", "case-submitted", SUBJECT)).isNotEqualTo(ID);
        assertThat(NotificationIds.reference(ID, Channel.SMS)).isEqualTo(SMS_REF);
        assertThat(NotificationIds.parse(SMS_REF)).isEqualTo(new NotificationIds.Referenced(ID, Channel.SMS));
        assertThat(NotificationIds.parse(ID + "-fax")).isNull();
        assertThat(NotificationIds.parse("x-sms")).isNull();
    }

    @Test
    void request_recordsTheRequestedNotification_once() {
        fixture.givenNoPriorActivity()
                .when(request(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REQUESTED);
        fixture.given(REQUESTED)
                .when(request(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void request_isRejected_whenTheIdIsNotTheOneOfItsEventRuleAndRecipient() {
        fixture.givenNoPriorActivity()
                .when(request(NotificationIds.of("ce-2", "case-submitted", SUBJECT)))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ planning

    @Test
    void firstAttempt_plansThePreferredChannelFirst_thenTheFallbackOrder_andStoresTheIntentBeforeSending() {
        fixture.given(REQUESTED)
                .when(start(found(Channel.SMS, Channel.EMAIL, Channel.SMS, Channel.LETTER), T0.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NotificationPlannedEvent(ID, List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER), "en-CA", T0.plusSeconds(1)),
                        new DeliveryAttemptStartedEvent(ID, Channel.SMS, 1, SMS_REF, false, T0.plusSeconds(121), T0.plusSeconds(1)))
                .expectResultMessagePayloadMatching(matches(plan -> plan.send() && plan.channel() == Channel.SMS && plan.attempt() == 1
                        && !plan.mayHaveBeenSent() && SMS_REF.equals(plan.reference()) && "en-CA".equals(plan.language())
                        && "case-submitted".equals(plan.templateId()) && VALUES.equals(plan.values())));
    }

    @Test
    void plan_skipsChannelsWithoutAContactPoint_thePreferredOneToo_andTakesTheEventsLanguage_whenTheContactHasNone() {
        fixture.given(REQUESTED)
                .when(start(new Reachability(Reachability.State.FOUND, null, Channel.EMAIL, EnumSet.of(Channel.LETTER, Channel.SMS)), T0))
                .expectEvents(PLANNED_SMS_LETTER, new DeliveryAttemptStartedEvent(ID, Channel.SMS, 1, SMS_REF, false, T0.plusSeconds(120), T0));
    }

    @Test
    void erasedContact_abandonsTheNotification_withoutSendingAnything() {
        fixture.given(REQUESTED)
                .when(start(Reachability.erased(), T0))
                .expectEvents(abandoned(null, List.of(), "contact-erased", T0))
                .expectResultMessagePayloadMatching(matches(plan -> !plan.send()));
    }

    @Test
    void contactWithoutAnyContactPoint_abandonsTheNotification() {
        fixture.given(REQUESTED)
                .when(start(new Reachability(Reachability.State.FOUND, "fr-CA", Channel.EMAIL, Set.of()), T0))
                .expectEvents(abandoned(null, List.of(), "no-contact-point", T0));
    }

    @Test
    void noContactYet_waitsWithBackOff_andIsAbandonedOnceTheContactWaitIsOver() {
        // check 1 → retry 1 min later; check 2 → 2 min later
        fixture.given(REQUESTED)
                .when(start(Reachability.noContact(), T0))
                .expectEvents(new NotificationWaitingForContactEvent(ID, 1, T0.plusSeconds(60), T0));
        fixture.given(REQUESTED, new NotificationWaitingForContactEvent(ID, 1, T0.plusSeconds(60), T0))
                .when(start(Reachability.noContact(), T0.plusSeconds(30)))
                .expectNoEvents(); // not due yet
        fixture.given(REQUESTED, new NotificationWaitingForContactEvent(ID, 1, T0.plusSeconds(60), T0))
                .when(start(Reachability.noContact(), T0.plusSeconds(60)))
                .expectEvents(new NotificationWaitingForContactEvent(ID, 2, T0.plusSeconds(180), T0.plusSeconds(60)));
        // 30 min after the request: abandoned
        fixture.given(REQUESTED, new NotificationWaitingForContactEvent(ID, 5, T0.plusSeconds(1800), T0.plusSeconds(1200)))
                .when(start(Reachability.noContact(), T0.plusSeconds(1800)))
                .expectEvents(abandoned(null, List.of(), "no-contact", T0.plusSeconds(1800)));
    }

    @Test
    void contactRecordedWhileWaiting_isPlannedAtTheNextCheck() {
        fixture.given(REQUESTED, new NotificationWaitingForContactEvent(ID, 1, T0.plusSeconds(60), T0))
                .when(start(found(Channel.EMAIL, Channel.EMAIL), T0.plusSeconds(60)))
                .expectEvents(new NotificationPlannedEvent(ID, List.of(Channel.EMAIL), "en-CA", T0.plusSeconds(60)),
                        new DeliveryAttemptStartedEvent(ID, Channel.EMAIL, 1, EMAIL_REF, false, T0.plusSeconds(180), T0.plusSeconds(60)));
    }

    // ------------------------------------------------------------------ outcomes

    @Test
    void delivered_endsTheNotification_withTheTemplateVersionAndLanguageWritten() {
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0))
                .when(outcome(Channel.EMAIL, 1, Outcome.DELIVERED, null, T0.plusSeconds(2)))
                .expectEvents(new NotificationDeliveredEvent(ID, CASE, SUBJECT, "case-submitted", "case-submitted",
                        "pledge.case.submitted.v1", Channel.EMAIL, 1, "fr", 4, "msg-1", "answer", T0.plusSeconds(2)));
    }

    @Test
    void accepted_awaitsTheReceipt_whichDeliversIt_andADuplicateOrLateReceiptChangesNothing() {
        NotificationSentEvent sent = new NotificationSentEvent(ID, Channel.SMS, 1, "msg-1", 4, "fr", T0.plusSeconds(3602), T0.plusSeconds(2));
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0))
                .when(outcome(Channel.SMS, 1, Outcome.ACCEPTED, null, T0.plusSeconds(2)))
                .expectEvents(sent);
        NotificationDeliveredEvent delivered = new NotificationDeliveredEvent(ID, CASE, SUBJECT, "case-submitted", "case-submitted",
                "pledge.case.submitted.v1", Channel.SMS, 1, "fr", 4, "msg-1", "receipt", T0.plusSeconds(60));
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0), sent)
                .when(receipt(Channel.SMS, true, T0.plusSeconds(60)))
                .expectEvents(delivered);
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0), sent, delivered)
                .when(receipt(Channel.SMS, true, T0.plusSeconds(61)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0), sent, delivered)
                .when(receipt(Channel.SMS, false, T0.plusSeconds(62)))
                .expectNoEvents();
    }

    @Test
    void failedReceipt_fallsBackToTheNextChannelAtOnce() {
        NotificationSentEvent sent = new NotificationSentEvent(ID, Channel.SMS, 1, "msg-1", 4, "fr", T0.plusSeconds(3602), T0.plusSeconds(2));
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0), sent)
                .when(receipt(Channel.SMS, false, T0.plusSeconds(60)))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, Channel.SMS, 1, "receipt:undeliverable", true, null, 4, T0.plusSeconds(60)));
        // the next channel is due at once
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0), sent,
                        new DeliveryAttemptFailedEvent(ID, Channel.SMS, 1, "receipt:undeliverable", true, null, 4, T0.plusSeconds(60)))
                .when(start(found(Channel.SMS, Channel.SMS, Channel.LETTER), T0.plusSeconds(60)))
                .expectEvents(new DeliveryAttemptStartedEvent(ID, Channel.LETTER, 1, LETTER_REF, false, T0.plusSeconds(180), T0.plusSeconds(60)));
    }

    @Test
    void receipt_forAChannelNeverAttempted_isAnUnknownReference() {
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0))
                .when(receipt(Channel.EMAIL, true, T0.plusSeconds(60)))
                .expectException(DeliveryReceipts.UnknownReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void receipt_forAChannelTheNotificationMovedOnFrom_changesNothing() {
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0),
                        new DeliveryAttemptFailedEvent(ID, Channel.SMS, 1, "invalid-number", true, null, 4, T0.plusSeconds(1)),
                        started(Channel.LETTER, 1, T0.plusSeconds(1)))
                .when(receipt(Channel.SMS, true, T0.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void temporaryFailure_isRetriedAfterTheBackOff_thenTreatedAsPermanent_afterTheLastAttempt() {
        // attempt 1 fails → retry 1 min later
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0))
                .when(outcome(Channel.EMAIL, 1, Outcome.TEMPORARY_FAILURE, "smtp-421", T0.plusSeconds(5)))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, Channel.EMAIL, 1, "smtp-421", false, T0.plusSeconds(65), 4, T0.plusSeconds(5)));
        DeliveryAttemptFailedEvent first = new DeliveryAttemptFailedEvent(ID, Channel.EMAIL, 1, "smtp-421", false, T0.plusSeconds(65), 4,
                T0.plusSeconds(5));
        // not due before; due then, and it may have been sent
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0), first)
                .when(start(found(Channel.EMAIL, Channel.EMAIL, Channel.SMS), T0.plusSeconds(64)))
                .expectNoEvents();
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0), first)
                .when(start(found(Channel.EMAIL, Channel.EMAIL, Channel.SMS), T0.plusSeconds(65)))
                .expectEvents(new DeliveryAttemptStartedEvent(ID, Channel.EMAIL, 2, EMAIL_REF, true, T0.plusSeconds(185), T0.plusSeconds(65)))
                .expectResultMessagePayloadMatching(matches(plan -> plan.mayHaveBeenSent() && plan.attempt() == 2));
        // attempt 2 fails → 2 min later
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0), first, started(Channel.EMAIL, 2, T0.plusSeconds(65)))
                .when(outcome(Channel.EMAIL, 2, Outcome.TEMPORARY_FAILURE, "timeout", T0.plusSeconds(70)))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, Channel.EMAIL, 2, "timeout", false, T0.plusSeconds(190), 4, T0.plusSeconds(70)));
        // attempt 3 (the last) fails → the email channel failed for good
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 3, T0.plusSeconds(190)))
                .when(outcome(Channel.EMAIL, 3, Outcome.TEMPORARY_FAILURE, "timeout", T0.plusSeconds(200)))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, Channel.EMAIL, 3, "retries-exhausted:timeout", true, null, 4,
                        T0.plusSeconds(200)));
    }

    @Test
    void permanentFailure_fallsBackAtOnce_andTheLastChannelsFailureAbandonsTheNotification() {
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0))
                .when(outcome(Channel.EMAIL, 1, Outcome.PERMANENT_FAILURE, "smtp-550", T0.plusSeconds(1)))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, Channel.EMAIL, 1, "smtp-550", true, null, 4, T0.plusSeconds(1)));
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0),
                        new DeliveryAttemptFailedEvent(ID, Channel.EMAIL, 1, "smtp-550", true, null, 4, T0.plusSeconds(1)))
                .when(start(found(Channel.EMAIL, Channel.EMAIL, Channel.SMS, Channel.LETTER), T0.plusSeconds(1)))
                .expectEvents(new DeliveryAttemptStartedEvent(ID, Channel.SMS, 1, SMS_REF, false, T0.plusSeconds(121), T0.plusSeconds(1)));
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0),
                        new DeliveryAttemptFailedEvent(ID, Channel.SMS, 1, "invalid-number", true, null, 4, T0.plusSeconds(1)),
                        started(Channel.LETTER, 1, T0.plusSeconds(1)))
                .when(outcome(Channel.LETTER, 1, Outcome.PERMANENT_FAILURE, "outbox-unwritable", T0.plusSeconds(2)))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, Channel.LETTER, 1, "outbox-unwritable", true, null, 4, T0.plusSeconds(2)),
                        abandoned(Channel.LETTER, List.of(Channel.SMS, Channel.LETTER), "outbox-unwritable", T0.plusSeconds(2)));
    }

    @Test
    void anOutcomeOfAnotherAttempt_orAfterTheEnd_changesNothing() {
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0),
                        new DeliveryAttemptFailedEvent(ID, Channel.EMAIL, 1, "smtp-421", false, T0.plusSeconds(65), 4, T0.plusSeconds(5)),
                        started(Channel.EMAIL, 2, T0.plusSeconds(65)))
                .when(outcome(Channel.EMAIL, 1, Outcome.DELIVERED, null, T0.plusSeconds(66)))
                .expectNoEvents();
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0), new NotificationDeliveredEvent(ID, CASE, SUBJECT,
                        "case-submitted", "case-submitted", "pledge.case.submitted.v1", Channel.EMAIL, 1, "fr", 4, "msg-1", "answer", T0))
                .when(outcome(Channel.EMAIL, 1, Outcome.PERMANENT_FAILURE, "smtp-550", T0.plusSeconds(66)))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ restarts and time-outs

    @Test
    void attemptUnderItsLease_isNotStartedTwice_andAfterTheLeaseIsSentAgainSayingItMayHaveBeenSent() {
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0))
                .when(start(found(Channel.EMAIL, Channel.EMAIL), T0.plusSeconds(119)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matches(plan -> !plan.send()));
        fixture.given(REQUESTED, PLANNED_ALL, started(Channel.EMAIL, 1, T0))
                .when(start(found(Channel.EMAIL, Channel.EMAIL), T0.plusSeconds(120)))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, Channel.EMAIL, 1, "no-outcome", false, T0.plusSeconds(120), 0, T0.plusSeconds(120)),
                        new DeliveryAttemptStartedEvent(ID, Channel.EMAIL, 2, EMAIL_REF, true, T0.plusSeconds(240), T0.plusSeconds(120)))
                .expectResultMessagePayloadMatching(matches(plan -> plan.send() && plan.mayHaveBeenSent()));
    }

    @Test
    void noReceiptWithinTheWait_isLookedUpBySendingAgainUnderTheSameReference() {
        NotificationSentEvent sent = new NotificationSentEvent(ID, Channel.SMS, 1, "msg-1", 4, "fr", T0.plusSeconds(3602), T0.plusSeconds(2));
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0), sent)
                .when(start(found(Channel.SMS, Channel.SMS), T0.plusSeconds(3601)))
                .expectNoEvents();
        fixture.given(REQUESTED, PLANNED_SMS_LETTER, started(Channel.SMS, 1, T0), sent)
                .when(start(found(Channel.SMS, Channel.SMS), T0.plusSeconds(3602)))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, Channel.SMS, 1, "receipt-timeout", false, T0.plusSeconds(3602), 4,
                                T0.plusSeconds(3602)),
                        new DeliveryAttemptStartedEvent(ID, Channel.SMS, 2, SMS_REF, true, T0.plusSeconds(3722), T0.plusSeconds(3602)));
    }

    @Test
    void backOff_doublesFromTheInitialPause_upToTheMaximum() {
        assertThat(List.of(POLICY.backOffAfter(1), POLICY.backOffAfter(2), POLICY.backOffAfter(3), POLICY.backOffAfter(4),
                POLICY.backOffAfter(5), POLICY.backOffAfter(40)))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                        Duration.ofMinutes(10), Duration.ofMinutes(10));
    }

    @Test
    void channelPlan_putsThePreferredChannelFirst_thenFollowsTheFallbackOrder() {
        assertThat(ChannelPlan.of(Channel.LETTER, EnumSet.allOf(Channel.class))).containsExactly(Channel.LETTER, Channel.EMAIL, Channel.SMS);
        assertThat(ChannelPlan.of(null, EnumSet.of(Channel.LETTER, Channel.EMAIL))).containsExactly(Channel.EMAIL, Channel.LETTER);
        assertThat(ChannelPlan.of(Channel.SMS, EnumSet.of(Channel.LETTER))).containsExactly(Channel.LETTER);
        assertThat(ChannelPlan.of(Channel.SMS, Set.of())).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static RequestNotificationCommand request(String id) {
        return new RequestNotificationCommand(id, CASE, SUBJECT, "CASE_SUBMITTED", "case-submitted", 2, "case-submitted", "ce-1",
                "pledge.case.submitted.v1", "fr-CA", VALUES, null, T0);
    }

    private static Reachability found(Channel preferred, Channel... reachable) {
        return new Reachability(Reachability.State.FOUND, "en-CA", preferred, EnumSet.copyOf(List.of(reachable)));
    }

    private static StartDeliveryAttemptCommand start(Reachability reach, Instant at) {
        return new StartDeliveryAttemptCommand(ID, reach, POLICY, at);
    }

    private static DeliveryAttemptStartedEvent started(Channel channel, int attempt, Instant at) {
        return new DeliveryAttemptStartedEvent(ID, channel, attempt, NotificationIds.reference(ID, channel), attempt > 1,
                at.plus(POLICY.lease()), at);
    }

    private static RecordDeliveryOutcomeCommand outcome(Channel channel, int attempt, Outcome outcome, String reason, Instant at) {
        String providerId = outcome == Outcome.DELIVERED || outcome == Outcome.ACCEPTED ? "msg-1" : null;
        return new RecordDeliveryOutcomeCommand(ID, channel, attempt, outcome, providerId, reason, 4, "fr", POLICY, at);
    }

    private static RecordDeliveryReceiptCommand receipt(Channel channel, boolean delivered, Instant at) {
        return new RecordDeliveryReceiptCommand(ID, channel, delivered, delivered ? null : "undeliverable", "msg-1", "rcpt-1", at);
    }

    private static NotificationAbandonedEvent abandoned(Channel last, List<Channel> tried, String reason, Instant at) {
        return new NotificationAbandonedEvent(ID, CASE, SUBJECT, "case-submitted", "case-submitted", "pledge.case.submitted.v1", last,
                tried, reason, at);
    }

    private static org.hamcrest.Matcher<DeliveryPlan> matches(java.util.function.Predicate<DeliveryPlan> test) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeliveryPlan plan) {
                return test.test(plan);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a matching delivery plan");
            }
        };
    }
}
