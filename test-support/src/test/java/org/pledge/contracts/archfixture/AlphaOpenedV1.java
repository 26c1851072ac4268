package org.pledge.contracts.archfixture;

/** A contract event of the fixtures: strings only. */
public record AlphaOpenedV1(String alphaId, String openedAt) {
}
