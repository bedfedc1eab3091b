package io.dockwarden.notification.delivery;

import io.dockwarden.notification.routing.ChannelConfig;
import io.dockwarden.notification.routing.Receiver;

/**
 * One channel kind: sends a delivery to one integration and says whether a failure is worth retrying. It never
 * throws for a failed send, and the reasons it gives hold no secret.
 */
public interface Notifier {

    /** The channel kind it serves: webhook, slack, email, kafka or log. */
    String channel();

    /**
     * Makes one attempt.
     *
     * @param delivery the delivery; its id and attempt count stay stable for the receiver to deduplicate
     * @param receiver the receiver
     * @param config the integration of the receiver this delivery goes to
     */
    Outcome send(Delivery delivery, Receiver receiver, ChannelConfig config);
}
