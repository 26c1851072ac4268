package org.pledge.notification.channel.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.OutboundMessage;
import org.pledge.notification.channel.api.SendOutcome;

/** {@link LetterSender}: the PDF in the print outbox, read back with PDFBox's text extraction. */
class LetterSenderTest {

    // 03:00 UTC on the 16th is 22:00 on the 15th in Toronto (UTC-5 in January): the business day is the 15th
    private static final Instant LATE_EVENING = Instant.parse("2027-01-16T03:00:00Z");
    private static final String ADDRESS = "1200 rue Sainte-Catherine O\nMontréal QC H3B 1K9";
    private static final String SUBJECT = "Votre demande a été reçue";
    private static final String BODY = "Bonjour Élodie,\n\nNous avons reçu votre demande de passeport le 15 janvier 2027. Nous vous "
            + "répondrons d'ici le 12 février 2027. Si nous manquons à notre engagement, nous vous rembourserons 30,00 $.\n\n"
            + "Ça ne vous coûte rien : où que vous soyez, à l'étranger ou au Québec, vous êtes informée à chaque étape.\n\n"
            + "L'équipe Pledge";

    @TempDir
    Path outbox;

    @Test
    void send_writesThePdf_intoTheBusinessDaysFolder_namedByTheReference() throws IOException {
        SendOutcome outcome = sender(LATE_EVENING).send(letter("n-1.LETTER", "fr-CA", BODY));

        assertThat(outcome).isEqualTo(new SendOutcome.Delivered("2027-01-15/n-1.LETTER.pdf", LATE_EVENING));
        Path pdf = outbox.resolve("2027-01-15").resolve("n-1.LETTER.pdf");
        assertThat(pdf).isRegularFile();
        assertThat(filesIn(outbox.resolve("2027-01-15"))).as("no temporary file left").containsExactly(pdf);
    }

    @Test
    void textExtractedFromThePdf_isTheLetter_frenchAccentsIncluded() throws IOException {
        sender(LATE_EVENING).send(letter("n-2.LETTER", "fr-CA", BODY));

        String text = text(outbox.resolve("2027-01-15").resolve("n-2.LETTER.pdf"));

        // return address, date in French, name and address, subject, body: in that order, each paragraph as rendered
        assertThat(words(text)).isEqualTo(words(String.join("\n", "Pledge", "Service des notifications", "15 janvier 2027",
                "Élodie Tremblay", ADDRESS, SUBJECT, BODY)));
        assertThat(text).contains("Montréal QC H3B 1K9", "Ça ne vous coûte rien : où que vous soyez, à l'étranger",
                "Votre demande a été reçue");
    }

    @Test
    void letterInEnglish_isDatedInEnglish() throws IOException {
        sender(LATE_EVENING).send(letter("n-3.LETTER", "en-CA", "Dear Élodie,\n\nWe received your application."));

        assertThat(text(outbox.resolve("2027-01-15").resolve("n-3.LETTER.pdf"))).contains("January 15, 2027");
    }

    @Test
    void longLetter_continuesOnMorePages_withNothingLost() throws IOException {
        String body = String.join("\n\n", java.util.Collections.nCopies(40, "Paragraphe où l'on répète la même phrase, encore et encore, "
                + "pour remplir plus d'une page de ce courrier."));

        sender(LATE_EVENING).send(letter("n-4.LETTER", "fr-CA", body));

        Path pdf = outbox.resolve("2027-01-15").resolve("n-4.LETTER.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(words(text(pdf))).endsWith(words(body).toArray(String[]::new));
    }

    @Test
    void sendingTheSameReferenceAgain_writesNoSecondLetter_evenOnALaterDay() throws IOException {
        sender(LATE_EVENING).send(letter("n-5.LETTER", "fr-CA", BODY));
        Path pdf = outbox.resolve("2027-01-15").resolve("n-5.LETTER.pdf");
        byte[] first = Files.readAllBytes(pdf);

        SendOutcome again = sender(LATE_EVENING).send(letter("n-5.LETTER", "fr-CA", BODY));
        SendOutcome nextDay = sender(LATE_EVENING.plusSeconds(86_400)).send(letter("n-5.LETTER", "fr-CA", BODY));

        assertThat(again).isEqualTo(new SendOutcome.Delivered("2027-01-15/n-5.LETTER.pdf", LATE_EVENING));
        assertThat(nextDay).isEqualTo(new SendOutcome.Delivered("2027-01-15/n-5.LETTER.pdf", LATE_EVENING.plusSeconds(86_400)));
        assertThat(Files.readAllBytes(pdf)).isEqualTo(first);
        assertThat(outbox.resolve("2027-01-16")).doesNotExist();
    }

    @Test
    void outboxThatCannotBeWritten_isATemporaryFailure() throws IOException {
        Path notAFolder = Files.writeString(outbox.resolve("occupied"), "a file where the outbox should be");
        LetterSender sender = new LetterSender(new LetterProperties(notAFolder, ZoneId.of("America/Toronto"), "Pledge"),
                new LetterRenderer(), Clock.fixed(LATE_EVENING, ZoneOffset.UTC));

        assertThat(sender.send(letter("n-6.LETTER", "fr-CA", BODY))).isEqualTo(new SendOutcome.TemporaryFailure("outbox-unwritable"));
    }

    @Test
    void letterWithoutAPostalAddress_isAPermanentFailure() {
        OutboundMessage blank = new OutboundMessage("n-7.LETTER", "n-7", Channel.LETTER, "fr-CA", "Élodie Tremblay", " \n ", SUBJECT,
                BODY, false);

        assertThat(sender(LATE_EVENING).send(blank)).isEqualTo(new SendOutcome.PermanentFailure("invalid-address"));
    }

    @Test
    void fileName_isTheReference_withAnythingElseEncoded_neverAPath() {
        assertThat(LetterSender.fileName("n-8.LETTER")).isEqualTo("n-8.LETTER.pdf");
        assertThat(LetterSender.fileName("../n/é")).isEqualTo("=2E.=2Fn=2F=C3=A9.pdf");
    }

    private LetterSender sender(Instant now) {
        return new LetterSender(new LetterProperties(outbox, ZoneId.of("America/Toronto"), "Pledge\nService des notifications"),
                new LetterRenderer(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static OutboundMessage letter(String reference, String language, String body) {
        return new OutboundMessage(reference, "n-" + reference, Channel.LETTER, language, "Élodie Tremblay", ADDRESS, SUBJECT, body,
                false);
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The words in order: line breaks of the wrapping and blank lines are layout, not text. */
    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
