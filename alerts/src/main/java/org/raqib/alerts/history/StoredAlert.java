package org.raqib.alerts.history;

import java.util.Objects;
import org.raqib.core.model.Alert;

/**
 * An alert as the history holds it: where it sits in {@code raqib.alerts} and its local arrival order.
 *
 * @param seq this instance's arrival counter, strictly increasing; never shown to clients
 * @param partition partition of {@code raqib.alerts} it was read from
 * @param offset its offset in that partition
 * @param alert the alert
 */
public record StoredAlert(long seq, int partition, long offset, Alert alert) {

    public StoredAlert {
        Objects.requireNonNull(alert, "alert");
    }
}
