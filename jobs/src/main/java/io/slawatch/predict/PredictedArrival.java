package io.slawatch.predict;

/** One ticket's ARRIVAL cycle as the predictions follow it. */
public final class PredictedArrival {

    public int cycle;

    /** Not known (yet): no ETA, no dispatch, no wait. */
    public static final long NONE = 0;

    /** The latest ETA, epoch ms; what the arrival is compared with to learn. */
    public long lastEta = NONE;

    /** When a technician was dispatched (the first DISPATCHED or ETA), epoch ms. */
    public long dispatchedAt = NONE;

    /** The deadline of the latest WAITING: a check for another deadline is stale. */
    public long waitingFor = NONE;

    /** When the latest signal came, epoch ms: the entry is dropped a safety horizon later. */
    public long lastAt;

    /** PREDICTED_BREACH alerts issued in this cycle: the level of the next one. */
    public int predictions;

    /** True while the latest PREDICTED_BREACH stands (not cleared). */
    public boolean predicted;
}
