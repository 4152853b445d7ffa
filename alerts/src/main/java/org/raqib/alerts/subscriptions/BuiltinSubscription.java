package org.raqib.alerts.subscriptions;

import java.util.List;
import org.raqib.core.model.Subscription;

/**
 * The built-in subscription {@code all-storyline}: owned by {@code admin}, delivered on the live stream
 * ({@code sse}), wanting every storyline match and every rule match of severity {@code medium} or higher. It is
 * written to {@code raqib.subscriptions} at start when that topic holds no subscription at all (setting
 * {@code alerts.builtinSubscription}), so a fresh install and the demo show alerts before anyone subscribes.
 * Like any subscription it can be changed or removed through the API; it is not recreated while others exist.
 */
public final class BuiltinSubscription {

    /** Its id. */
    public static final String ID = "all-storyline";

    private BuiltinSubscription() {}

    /** The subscription as it is first written. */
    public static Subscription allStoryline() {
        return new Subscription(ID, "admin", "All storyline matches", List.of(), List.of(), List.of(), false, 0.0,
                List.of(new Subscription.Channel("sse", "")), List.of(), List.of(), "medium", "", null, 0);
    }
}
