package org.pledge.notification.contact.api;

import java.util.Set;

/**
 * The channels a contact's preference may name, as the contact feature spells them (it uses no other feature: these are
 * the names of the channel feature's {@code Channel} constants).
 */
public final class ContactChannels {

    public static final String EMAIL = "EMAIL";
    public static final String SMS = "SMS";
    public static final String LETTER = "LETTER";
    public static final Set<String> ALL = Set.of(EMAIL, SMS, LETTER);
    /** For {@code @Pattern} and the OpenAPI schema. */
    public static final String PATTERN = "EMAIL|SMS|LETTER";

    private ContactChannels() {
    }
}
