package io.slawatch.model;

/** Whether a problem is standard or complex; complex problems get longer resolution targets. */
public enum Complexity {
    STANDARD,
    COMPLEX
}
