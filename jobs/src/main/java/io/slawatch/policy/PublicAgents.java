package io.slawatch.policy;

/** How the public edition of the monthly report shows agents. */
public enum PublicAgents {
    /** Each agent under a stable pseudonym: a keyed hash of the id with a secret. */
    PSEUDONYMS,
    /** No agents at all: departments only. */
    NONE
}
