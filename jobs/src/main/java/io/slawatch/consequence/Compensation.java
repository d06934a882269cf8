package io.slawatch.consequence;

import java.util.ArrayList;
import java.util.List;

/**
 * The one compensation a ticket's customer holds, in {@link CaseFunction}'s keyed state (a Flink
 * POJO).
 */
public class Compensation {
    /** The tier's rank; 0 for none. */
    public int rank;

    /** How many compensations were issued for the ticket, replaced ones included: ids use it. */
    public int issued;

    /** The entries of the compensation held now, to reverse when a higher tier replaces it. */
    public List<String> entryIds = new ArrayList<>();

    public Compensation() {}
}
