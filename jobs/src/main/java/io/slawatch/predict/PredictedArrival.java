package io.slawatch.predict;

/** One ticket's ARRIVAL cycle as the predictions follow it. */
public final class PredictedArrival {

    public int cycle;

    /** The latest ETA, epoch ms; what the arrival is compared with to learn. */
    public long lastEta;

    /** When the latest signal came, epoch ms: the entry is dropped a safety horizon later. */
    public long lastAt;

    /** PREDICTED_BREACH alerts issued in this cycle: the level of the next one. */
    public int predictions;

    /** True while the latest PREDICTED_BREACH stands (not cleared). */
    public boolean predicted;
}
