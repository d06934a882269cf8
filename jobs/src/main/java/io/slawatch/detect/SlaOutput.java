package io.slawatch.detect;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.TicketEvent;
import io.slawatch.predict.EtaSignal;
import java.time.Instant;
import java.util.function.Supplier;

/** Where {@link TicketSla} sends what it decides. */
public interface SlaOutput {

    void alert(Alert alert);

    /** A RETRACTED alert; {@code retractedEventTime} is when the alert it withdraws fired. */
    default void retraction(Alert retraction, Instant retractedEventTime) {
        alert(retraction);
    }

    void outcome(ClockOutcome outcome);

    /** An event that cannot be used, with the reason. */
    void quarantine(TicketEvent event, QuarantineReason reason, String detail);

    /** An event whose eventId was seen before: it changed nothing. */
    void duplicate(TicketEvent event);

    /** A clock cycle changed: started, paused, resumed, alerted, retargeted or ended. */
    default void clock(ClockView view) {}

    /** What the arrival predictions need of an ARRIVAL cycle: an ETA, the arrival, or its end. */
    default void eta(EtaSignal signal) {}

    /** An event applied to its ticket (at once, or when the ticket's CREATED came). */
    default void applied(TicketEvent event) {}

    /** A ticket cleared because it stayed open past the policy's safety horizon. */
    void expired(String ticketId);

    /**
     * What the computation did and why, for a person reading one ticket's story; {@code story} is
     * called only by an output that reads it, so the job never builds the text.
     */
    default void trace(Instant at, Supplier<String> story) {}
}
