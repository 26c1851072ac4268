package org.pledge.local.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHarmlessWarningsTest {

    private final LoggerContext context = new LoggerContext();
    private final KnownHarmlessWarnings filter = new KnownHarmlessWarnings();

    private LoggingEvent event(String logger, String message, Object... args) {
        return new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.WARN, message, null, args);
    }

    @Test
    void onlyTheListedLines_areKeptOffTheConsole() {
        assertThat(filter.decide(event("de.bwaldvogel.mongo.backend.AbstractMongoDatabase",
                "adding secondary index with keys {} is not yet implemented. ignoring", "[IndexKey[key=caseId ASC]]")))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event("de.bwaldvogel.mongo.backend.AbstractMongoDatabase", "something else went wrong")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("org.pledge.local.LocalStack", "adding secondary index with keys x")))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
