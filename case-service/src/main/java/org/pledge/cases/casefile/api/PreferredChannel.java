package org.pledge.cases.casefile.api;

/** How the client wants to be told. */
public enum PreferredChannel {
    EMAIL, SMS, LETTER
}
