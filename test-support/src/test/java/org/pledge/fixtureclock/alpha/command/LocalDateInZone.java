package org.pledge.fixtureclock.alpha.command;

import java.time.LocalDate;
import java.time.ZoneId;

public class LocalDateInZone {

    public LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Toronto"));
    }
}
