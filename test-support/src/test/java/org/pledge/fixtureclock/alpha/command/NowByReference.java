package org.pledge.fixtureclock.alpha.command;

import java.time.LocalDateTime;
import java.util.function.Supplier;

public class NowByReference {

    public Supplier<LocalDateTime> clock() {
        return LocalDateTime::now;
    }
}
