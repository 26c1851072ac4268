package org.pledge.feedback.feedback.comment;

/**
 * What a comment goes through before it is stored: {@link CommentSanitiser} (HTML to text), then
 * {@link PersonalDataMasker}. A comment that is empty once cleaned is no comment (null).
 */
public final class CommentCleaner {

    private final CommentSanitiser sanitiser = new CommentSanitiser();
    private final PersonalDataMasker masker;

    public CommentCleaner(String defaultPhoneRegion) {
        this.masker = new PersonalDataMasker(defaultPhoneRegion);
    }

    public String clean(String comment) {
        if (comment == null) {
            return null;
        }
        String cleaned = masker.mask(sanitiser.sanitise(comment));
        return cleaned.isBlank() ? null : cleaned;
    }
}
