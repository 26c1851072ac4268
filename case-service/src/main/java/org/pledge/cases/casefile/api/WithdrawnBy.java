package org.pledge.cases.casefile.api;

/** Who withdrew a case: the client through their channel, or a caseworker. */
public enum WithdrawnBy {
    CHANNEL, CASEWORKER
}
