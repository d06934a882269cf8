package io.slawatch.time;

import java.io.Serializable;

/** The wall clock, injectable so that tests drive time. */
@FunctionalInterface
public interface WallClock extends Serializable {

    WallClock SYSTEM = System::currentTimeMillis;

    long millis();
}
