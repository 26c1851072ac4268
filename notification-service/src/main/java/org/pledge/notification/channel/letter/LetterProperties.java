package org.pledge.notification.channel.letter;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.letters.*}: the print house's outbox.
 *
 * @param outboxDir where letters are written, one folder per business day ({@code <outbox>/<yyyy-MM-dd>/<reference>.pdf});
 *                  the print house takes the {@code .pdf} files and deletes them once printed. PERSONAL DATA: each file
 *                  holds a name, a postal address and the letter
 * @param zone      the zone of the business day and of the letter's date
 * @param sender    the return address printed at the top of every letter, lines separated by LF
 */
@ConfigurationProperties("pledge.letters")
public record LetterProperties(
        @DefaultValue("letters") Path outboxDir,
        @DefaultValue("America/Toronto") ZoneId zone,
        @DefaultValue("Pledge") String sender) {
}
