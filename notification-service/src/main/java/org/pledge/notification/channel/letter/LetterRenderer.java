package org.pledge.notification.channel.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A letter as a PDF (PDFBox), on US Letter paper: the return address, the date, the recipient's name and postal
 * address where a window envelope shows it, the subject, then the body, wrapped to the margins and continued on as
 * many pages as it needs. The font is Liberation Sans, which PDFBox ships, embedded (subset) so the print house renders
 * every accent of French as written; a character the font has no glyph for is printed as {@code ?}, and every kind of
 * space as a plain space.
 */
class LetterRenderer {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAPER = PDRectangle.LETTER;
    private static final float MARGIN = 72;
    private static final float SMALL = 9;
    private static final float TEXT = 11;
    private static final float SUBJECT = 13;
    /** The top of the address block: where a #10 window envelope shows it (about 2 in. from the top). */
    private static final float ADDRESS_TOP = PAPER.getHeight() - 144;

    /** What goes on the letter; every text is already in the letter's language. */
    record Letter(List<String> sender, String date, List<String> recipient, String subject, String body) {
    }

    byte[] render(Letter letter) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font;
            try (InputStream in = LetterRenderer.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("PDFBox's Liberation Sans is not on the class path");
                }
                font = PDType0Font.load(document, in);
            }
            Writer writer = new Writer(document, font);
            for (String line : letter.sender()) {
                writer.line(line, SMALL);
            }
            writer.gap(SMALL);
            writer.line(letter.date(), TEXT);
            writer.moveTo(ADDRESS_TOP);
            for (String line : letter.recipient()) {
                writer.line(line, TEXT);
            }
            writer.gap(TEXT * 3);
            writer.paragraph(letter.subject(), SUBJECT);
            writer.gap(TEXT);
            for (String paragraph : letter.body().split("\r?\n", -1)) {
                if (paragraph.isBlank()) {
                    writer.gap(TEXT);
                } else {
                    writer.paragraph(paragraph, TEXT);
                }
            }
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter could not be written as a PDF", e);
        }
    }

    /** Lines from the top of the page down, a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void moveTo(float top) {
            y = Math.min(y, top);
        }

        void gap(float height) {
            y -= height;
        }

        void paragraph(String text, float size) throws IOException {
            for (String line : wrap(printable(text), size)) {
                line(line, size);
            }
        }

        void line(String text, float size) throws IOException {
            float leading = size * 1.35f;
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(printable(text));
            content.endText();
        }

        private List<String> wrap(String text, float size) throws IOException {
            float width = PAPER.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.trim().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Every space as ' ', no control characters, '?' for what the font cannot show. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                    out.append(' ');
                } else if (Character.isISOControl(cp)) {
                    return;
                } else if (hasGlyph(cp)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean hasGlyph(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PAPER);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAPER.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }
}
