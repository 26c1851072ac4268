package org.pledge.cases.catalogue.command;

import static org.pledge.cases.catalogue.command.CatalogueMother.BOXING_DAY;
import static org.pledge.cases.catalogue.command.CatalogueMother.CALENDAR_ID;
import static org.pledge.cases.catalogue.command.CatalogueMother.CHRISTMAS;
import static org.pledge.cases.catalogue.command.CatalogueMother.LATER;
import static org.pledge.cases.catalogue.command.CatalogueMother.NOW;
import static org.pledge.cases.catalogue.command.CatalogueMother.WEEKEND;
import static org.pledge.cases.catalogue.command.CatalogueMother.publish;
import static org.pledge.cases.catalogue.command.CatalogueMother.published;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.InvalidBusinessCalendarException;
import org.pledge.cases.catalogue.api.PublishBusinessCalendarCommand;
import org.pledge.cases.sla.InvalidServiceLevelException;
import org.pledge.platform.axon.CommandTargets;

class BusinessCalendarAggregateTest {

    private FixtureConfiguration<BusinessCalendarAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BusinessCalendarAggregate.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    @Test
    void publish_createsVersionOne_withEveryHolidayAdded() {
        fixture.givenNoPriorActivity()
                .when(publish(Set.of(CHRISTMAS), NOW))
                .expectResultMessagePayload(1)
                .expectEvents(published(1, List.of(CHRISTMAS), List.of(CHRISTMAS), List.of(), NOW));
    }

    @Test
    void publish_recordsTheNextVersion_withTheAddedAndRemovedHolidays() {
        fixture.given(published(1, List.of(CHRISTMAS), List.of(CHRISTMAS), List.of(), NOW))
                .when(publish(Set.of(BOXING_DAY), LATER))
                .expectResultMessagePayload(2)
                .expectEvents(published(2, List.of(BOXING_DAY), List.of(BOXING_DAY), List.of(CHRISTMAS), LATER));
    }

    @Test
    void publish_recordsANewVersion_whenOnlyTheWeekendChanges() {
        fixture.given(published(1, List.of(CHRISTMAS), List.of(CHRISTMAS), List.of(), NOW))
                .when(new PublishBusinessCalendarCommand(CALENDAR_ID, "America/Toronto", EnumSet.of(DayOfWeek.SUNDAY), Set.of(CHRISTMAS), false, LATER))
                .expectResultMessagePayload(2)
                .expectEvents(new BusinessCalendarPublishedEvent(CALENDAR_ID, 2, "America/Toronto", EnumSet.of(DayOfWeek.SUNDAY),
                        List.of(CHRISTMAS), List.of(), List.of(), LATER));
    }

    @Test
    void publish_recordsNothing_whenTheSameCalendarComesAgain() {
        fixture.given(published(1, List.of(CHRISTMAS), List.of(CHRISTMAS), List.of(), NOW),
                        published(2, List.of(CHRISTMAS, BOXING_DAY), List.of(BOXING_DAY), List.of(), NOW))
                .when(publish(Set.of(BOXING_DAY, CHRISTMAS), LATER))
                .expectResultMessagePayload(2)
                .expectNoEvents();
    }

    @Test
    void seed_recordsNothing_whenTheCalendarExists() {
        fixture.given(published(1, List.of(CHRISTMAS), List.of(CHRISTMAS), List.of(), NOW))
                .when(new PublishBusinessCalendarCommand(CALENDAR_ID, "Europe/Paris", WEEKEND, Set.of(), true, LATER))
                .expectResultMessagePayload(1)
                .expectNoEvents();
    }

    @Test
    void publish_isRejected_whenTheZoneIsUnknown() {
        fixture.givenNoPriorActivity()
                .when(new PublishBusinessCalendarCommand(CALENDAR_ID, "Mars/Olympus", WEEKEND, Set.of(), false, NOW))
                .expectNoEvents()
                .expectException(InvalidBusinessCalendarException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Mars/Olympus"));
    }

    @Test
    void publish_isRejected_whenEveryDayIsAWeekendDay() {
        fixture.givenNoPriorActivity()
                .when(new PublishBusinessCalendarCommand(CALENDAR_ID, "America/Toronto", EnumSet.allOf(DayOfWeek.class), Set.of(), false, NOW))
                .expectNoEvents()
                .expectException(InvalidServiceLevelException.class);
    }

    @Test
    void publish_isRejected_whenTheIdIsNotACalendarId() {
        fixture.givenNoPriorActivity()
                .when(new PublishBusinessCalendarCommand("CA ON/../x", "America/Toronto", WEEKEND, Set.of(), false, NOW))
                .expectNoEvents()
                .expectException(InvalidBusinessCalendarException.class);
    }
}
