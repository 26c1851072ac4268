package org.pledge.fixturecycle.beta.api;

import org.pledge.fixturecycle.alpha.api.AlphaThing;

public record BetaThing(AlphaThing alpha) {
}
