package org.pledge.notification.channel.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.ChannelSender;
import org.pledge.notification.channel.api.OutboundMessage;
import org.pledge.notification.channel.api.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Letters for the print house: the message as a PDF ({@link LetterRenderer}) written atomically into the outbox,
 * {@code <outbox>/<business date>/<reference>.pdf}: first to a hidden temporary file in the same folder
 * ({@code .<reference>.pdf.<random>.tmp}, never taken by the print house), forced to disk, then moved into place in one
 * step, so the print house never sees half a letter. The file is the letter's identity: when a file of that reference
 * is already in the outbox (today's folder or an earlier day's, not yet printed) nothing is written again, so a repeat
 * after a restart gives no second letter. Written is {@link SendOutcome.Delivered}: the print house takes it from there.
 * A folder that cannot be written is {@link SendOutcome.TemporaryFailure} {@code outbox-unwritable}; a message with no
 * postal address lines {@link SendOutcome.PermanentFailure} {@code invalid-address}.
 *
 * <p>PERSONAL DATA on disk: folders and files are readable by this service's user only (where the file system has
 * POSIX permissions); the print house deletes each file once printed (docs/notification-channels.md).
 */
public class LetterSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(LetterSender.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path outbox;
    private final LetterProperties properties;
    private final LetterRenderer renderer;
    private final Clock clock;

    public LetterSender(LetterProperties properties, LetterRenderer renderer, Clock clock) {
        this.outbox = properties.outboxDir().toAbsolutePath().normalize();
        this.properties = properties;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        if (message.channel() != Channel.LETTER) {
            throw new IllegalArgumentException("not a letter: " + message);
        }
        List<String> address = message.address() == null ? List.of()
                : Arrays.stream(message.address().split("\r?\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (address.isEmpty()) {
            return new SendOutcome.PermanentFailure("invalid-address");
        }
        Instant now = clock.instant();
        LocalDate businessDay = LocalDate.ofInstant(now, properties.zone());
        String file = fileName(message.reference());
        try {
            Optional<Path> existing = existing(file);
            if (existing.isPresent()) {
                log.info("letter {} is already in the outbox, not written again", message.reference());
                return new SendOutcome.Delivered(outbox.relativize(existing.get()).toString(), now);
            }
            byte[] pdf = renderer.render(letter(message, address, businessDay));
            Path folder = folder(businessDay);
            Path target = folder.resolve(file);
            write(folder, target, pdf);
            log.info("letter {} written to the print outbox ({} bytes)", message.reference(), pdf.length);
            return new SendOutcome.Delivered(outbox.relativize(target).toString(), now);
        } catch (IOException | UncheckedIOException e) {
            log.warn("letter {}: the print outbox could not be written ({})", message.reference(), e.getClass().getSimpleName());
            return new SendOutcome.TemporaryFailure("outbox-unwritable");
        }
    }

    private LetterRenderer.Letter letter(OutboundMessage message, List<String> address, LocalDate businessDay) {
        Locale locale = Locale.forLanguageTag(message.language() == null ? "en" : message.language());
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(businessDay);
        List<String> recipient = new java.util.ArrayList<>();
        if (message.recipientName() != null && !message.recipientName().isBlank()) {
            recipient.add(message.recipientName().strip());
        }
        recipient.addAll(address);
        List<String> sender = Arrays.stream(properties.sender().split("\r?\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new LetterRenderer.Letter(sender, date, recipient, message.subject() == null ? "" : message.subject(), message.body());
    }

    /** A letter of this file name waiting in any day's folder. */
    private Optional<Path> existing(String file) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> days = Files.newDirectoryStream(outbox, Files::isDirectory)) {
            for (Path day : days) {
                Path candidate = day.resolve(file);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private Path folder(LocalDate businessDay) throws IOException {
        Path folder = outbox.resolve(businessDay.toString());
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            if (POSIX) {
                Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwx------"));
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
        return folder;
    }

    private static void write(Path folder, Path target, byte[] pdf) throws IOException {
        Path temporary = POSIX
                ? Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(pdf));
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * {@code <reference>.pdf}, the reference as is when it is made of letters, digits, '.', '-' and '_' (and does not
     * start with '.'), else each other byte as {@code =XX}: deterministic, unique, and never a path.
     */
    static String fileName(String reference) {
        StringBuilder name = new StringBuilder();
        byte[] bytes = reference.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xff);
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' && i > 0);
            if (plain) {
                name.append(c);
            } else {
                name.append('=').append(String.format("%02X", bytes[i] & 0xff));
            }
        }
        return name + ".pdf";
    }
}
