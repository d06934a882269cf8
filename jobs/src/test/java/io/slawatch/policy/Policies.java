package io.slawatch.policy;

import io.slawatch.testkit.Checkout;

/** The policies tests share, loaded once. */
public final class Policies {

    /** The policy slawatch ships, {@code deploy/policies/default.yaml}. */
    public static final SlaPolicy DEFAULT = loadDefault();

    private Policies() {}

    private static SlaPolicy loadDefault() {
        try {
            return PolicyLoader.load(Checkout.DEFAULT_POLICY);
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }
}
