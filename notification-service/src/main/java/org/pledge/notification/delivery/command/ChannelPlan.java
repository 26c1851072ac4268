package org.pledge.notification.delivery.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pledge.notification.channel.api.Channel;

/**
 * The order a notification tries its channels in: the client's preferred channel first, then the others in
 * {@link Channel#FALLBACK_ORDER} (email → SMS → letter), skipping every channel the client has no contact point for.
 * A preferred channel without a contact point is skipped like the others.
 */
final class ChannelPlan {

    private ChannelPlan() {
    }

    static List<Channel> of(Channel preferred, Set<Channel> reachable) {
        List<Channel> plan = new ArrayList<>();
        if (preferred != null && reachable.contains(preferred)) {
            plan.add(preferred);
        }
        for (Channel channel : Channel.FALLBACK_ORDER) {
            if (reachable.contains(channel) && !plan.contains(channel)) {
                plan.add(channel);
            }
        }
        return List.copyOf(plan);
    }
}
