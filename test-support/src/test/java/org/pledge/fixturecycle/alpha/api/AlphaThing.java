package org.pledge.fixturecycle.alpha.api;

import org.pledge.fixturecycle.beta.api.BetaThing;

public record AlphaThing(BetaThing beta) {
}
