package io.slawatch.notify;

/** A notice on its way to one receiver. */
public record Routed(String receiver, Notice notice) {

    /** One receiver's one ticket: its deliveries keep their order. */
    public String key() {
        return receiver + '|' + notice.ticketId();
    }
}
