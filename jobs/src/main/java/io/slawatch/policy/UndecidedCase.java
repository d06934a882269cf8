package io.slawatch.policy;

/** What the policy decides for a case nobody verified in time. */
public enum UndecidedCase {
    CONFIRM,
    WAIVE
}
