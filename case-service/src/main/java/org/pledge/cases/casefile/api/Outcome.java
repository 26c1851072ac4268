package org.pledge.cases.casefile.api;

public enum Outcome {
    APPROVED, REFUSED, OTHER
}
