package io.slawatch.detect;

import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockType;

/** One alertable instant of a clock cycle: a warning, its deadline or an escalation level. */
record Threshold(ClockType clock, AlertKind kind, int level, long at) {}
